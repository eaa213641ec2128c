// The explorer's graph for the anywidget backend (schedula_nb/widgets/_cytojs.py).
//
// The whole graph is one widget: its elements are one synced list (one
// message), not a widget per node and edge as with ipycytoscape, so a
// 1,000-node model is drawn in about a second. Built into ONE static ESM file
// with cytoscape.js and cytoscape-dagre inside (`make widgets-js`); nothing is
// fetched at run time.
//
// Model state: elements [{group, data, classes}], patch ({id: {data,
// classes}}: the elements changed by the last update), revision (a new
// number: replace every element), cytoscape_layout, cytoscape_style,
// user_zooming_enabled, wheel_sensitivity, min_zoom, max_zoom. A live
// re-dispatch that only recolours sends a new `patch`: the few elements in it
// are set in place (no re-reading of the whole graph, no layout), and folded
// into `elements` (as Python does), so a view made later, or the notebook's
// saved widget state, shows them. The container's `data-full-loads` and
// `data-patches` count how each update came (the browser tests read them).
import cytoscape from "cytoscape";
import dagre from "cytoscape-dagre";

cytoscape.use(dagre);

// cytoscape.js 3.34 no longer sizes a node to its label (`width: "label"`,
// which the stylesheet shared with ipycytoscape's older cytoscape.js uses):
// the label's width is measured here, put in the node's data as `w`, and
// those rules read `data(w)`.
const FONT = "11px Helvetica, Arial, sans-serif";
const context = document.createElement("canvas").getContext("2d");

function measured(e) {
  if (e.group !== "nodes") return e;
  context.font = FONT;
  const w = Math.ceil(context.measureText(String(e.data.label ?? "")).width);
  return { ...e, data: { ...e.data, w } };
}

function sheet(rules) {
  return rules.map((r) =>
    r.style.width === "label" ? { ...r, style: { ...r.style, width: "data(w)" } } : r,
  );
}

function start(model, el) {
  return cytoscape({
    container: el,
    style: sheet(model.get("cytoscape_style")),
    minZoom: model.get("min_zoom"),
    maxZoom: model.get("max_zoom"),
    wheelSensitivity: model.get("wheel_sensitivity"),
    userZoomingEnabled: model.get("user_zooming_enabled"),
    boxSelectionEnabled: false,
    autounselectify: true,
    layout: { name: "null" },
  });
}

function render({ model, el }) {
  el.classList.add("sh-graph");
  // cytoscape starts once the element is in the page with a width: it binds
  // the scroll of the element's ancestors then (clicks land where drawn).
  let cy = null;
  let queued = false;
  let drawn = model.get("revision");
  const count = (key) => {
    el.dataset[key] = String(Number(el.dataset[key] || 0) + 1);
  };

  // One layout per update from Python, after all its changes are applied (a
  // new layout and new elements arrive in one message).
  const layout = () => {
    if (!cy || queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      cy.layout(model.get("cytoscape_layout")).run();
    });
  };
  // the elements last sent in full (with the patches folded in)
  let loaded = null;
  const current = () => {
    loaded = model.get("elements");
    return loaded;
  };
  const replace = () => {
    count("fullLoads");
    cy.batch(() => {
      cy.elements().remove();
      cy.add(current().map(measured));
    });
    layout();
  };
  // The same elements with new data or classes, maybe a few new ones: change
  // them in place; lay out again only when some were added.
  const sync = () => {
    count("fullLoads");
    const want = new Set();
    let added = false;
    cy.batch(() => {
      for (const e of current()) {
        want.add(e.data.id);
        const found = cy.getElementById(e.data.id);
        if (found.empty()) {
          cy.add(measured(e));
          added = true;
        } else {
          found.data(e.data);
          found.classes(e.classes);
        }
      }
      cy.elements()
        .filter((x) => !want.has(x.id()))
        .remove();
    });
    if (added) layout();
  };
  // A new patch: set the elements in it in place.
  const patched = () => {
    if (!cy) return;
    count("patches");
    cy.batch(() => {
      for (const [id, e] of Object.entries(model.get("patch") || {})) {
        const found = cy.getElementById(id);
        if (found.empty()) continue;
        // a node's label may change: measured again
        found.data(found.isNode() ? measured({ group: "nodes", ...e }).data : e.data);
        found.classes(e.classes);
      }
    });
  };
  const changed = () => {
    if (!cy) return;
    if (model.get("revision") !== drawn) {
      drawn = model.get("revision");
      replace();
    } else if (model.get("elements") !== loaded) {
      sync();
    }
  };

  model.on("change:elements", changed);
  model.on("change:patch", () => {
    // new elements come with an empty patch
    if (model.get("elements") === loaded) patched();
  });
  model.on("change:revision", changed);
  model.on("change:cytoscape_layout", layout);
  model.on("change:cytoscape_style", () => {
    if (cy) cy.style(sheet(model.get("cytoscape_style")));
  });
  model.on("change:user_zooming_enabled", () => {
    if (cy) cy.userZoomingEnabled(model.get("user_zooming_enabled"));
  });
  model.on("msg:custom", (msg) => {
    if (msg && msg.type === "relayout") layout();
  });

  const observer = new ResizeObserver(() => {
    if (el.clientWidth === 0 || !el.isConnected) return;
    if (cy) {
      cy.resize();
      return;
    }
    cy = start(model, el);
    cy.on("tap", "node", (e) => model.send({ event: "click", id: e.target.id() }));
    cy.on("mouseover", "node", (e) =>
      model.send({ event: "mouseover", id: e.target.id() }),
    );
    // the pointer left the node: the hover line empties (id "")
    cy.on("mouseout", "node", () => model.send({ event: "mouseover", id: "" }));
    drawn = model.get("revision");
    replace();
  });
  observer.observe(el);
  return () => {
    observer.disconnect();
    if (cy) cy.destroy();
  };
}

// Once per model (before any view): fold each patch into `elements`.
function initialize({ model }) {
  let index = new Map();
  let of = null;
  model.on("change:patch", () => {
    const elements = model.get("elements");
    if (elements !== of) {
      of = elements;
      index = new Map(elements.map((e) => [e.data.id, e]));
    }
    for (const [id, e] of Object.entries(model.get("patch") || {})) {
      const found = index.get(id);
      if (found) Object.assign(found, e);
    }
  });
}

export default { initialize, render };
