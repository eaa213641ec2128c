"""The household-energy model of ``household_energy.ipynb``, importable, for the
explorer's Voila app (``household_energy_app.ipynb``) and the explorer tour.

It is the same model as the notebook's, which builds it in front of the
reader step by step; ``tests/notebook_env/test_household_module_is_the_notebook_model.py``
checks that the two stay the same.
"""

import schedula_nb as sh

APPLIANCES = {
    "fridge": (150, 24 * 0.4),  # the compressor runs about 40% of the time
    "washing machine": (2000, 0.5),
    "lights": (60, 5),
    "television": (100, 3),
    "laptop": (50, 6),
}


def readings_are_possible(meter_start, meter_end):
    """A meter only counts up: a lower end reading is a typing mistake."""
    return meter_end >= meter_start


def from_meter(meter_start, meter_end):
    """Electricity used = end reading - start reading (kWh)."""
    return meter_end - meter_start


def from_appliances(appliances, days):
    """Electricity used = sum of power (W) x hours per day, x days, in kWh."""
    watt_hours_per_day = sum(watts * hours for watts, hours in appliances.values())
    return watt_hours_per_day * days / 1000


def bill(kwh, price_per_kwh, standing_charge, days):
    """Cost = energy x price + a fixed charge per day (EUR)."""
    return round(kwh * price_per_kwh + standing_charge * days, 2)


def emissions(kwh, kg_co2_per_kwh):
    """CO2 = energy x emission factor of the grid (kg)."""
    return round(kwh * kg_co2_per_kwh, 1)


def build_household() -> sh.Dispatcher:
    """The model: electricity used in a period, its cost and its CO2."""
    household = sh.Dispatcher(
        name="household energy",
        description="Electricity used in a period, its cost and its CO2 emissions.",
    )
    household.add_data("days", default_value=30, description="days in the period")
    household.add_data("price_per_kwh", default_value=0.30, description="EUR per kWh")
    household.add_data("standing_charge", default_value=0.50, description="EUR per day")
    household.add_data(
        "kg_co2_per_kwh", default_value=0.25, description="grid emission factor"
    )
    household.add_func(from_meter, outputs=["kwh"], input_domain=readings_are_possible)
    household.add_func(from_appliances, outputs=["kwh"], weight=10)
    household.add_func(bill, outputs=["cost"])
    household.add_func(emissions, outputs=["co2_kg"])
    return household


def household_app():
    """The model as an app for people who do not code (``sh.app``): the
    answers first, the meter readings to type, the prices to change.
    ``household_energy_app.ipynb`` shows it with Voila, and so does
    ``python -m schedula_nb app household:household_app`` (from this folder).
    """
    return sh.app(
        build_household(),
        inputs=[
            "meter_start",
            "meter_end",
            "days",
            "price_per_kwh",
            "standing_charge",
            "kg_co2_per_kwh",
        ],
        outputs=["cost", "kwh", "co2_kg"],
        title="What does a month of electricity cost?",
        description=(
            "Type the two meter readings as you read them on the meter "
            "(12,890 is fine): the answers change as you type. The drawing "
            "below shows how each answer is worked out."
        ),
        labels={
            "meter_start": "Meter reading at the start",
            "meter_end": "Meter reading at the end",
            "days": "Days in the period",
            "price_per_kwh": "Price of electricity",
            "standing_charge": "Standing charge",
            "kg_co2_per_kwh": "CO₂ of the grid's electricity",
            "cost": "Cost",
            "kwh": "Electricity used",
            "co2_kg": "CO₂ emitted",
            "appliances": "Appliances",
            "from_meter": "From the meter",
            "from_appliances": "From the appliances",
            "bill": "Bill",
            "emissions": "Emissions",
        },
        units={
            "meter_start": "kWh",
            "meter_end": "kWh",
            "days": "days",
            "price_per_kwh": "EUR per kWh",
            "standing_charge": "EUR per day",
            "kg_co2_per_kwh": "kg per kWh",
            "cost": "EUR",
            "kwh": "kWh",
            "co2_kg": "kg",
        },
        values={"meter_start": 12410, "meter_end": 12690},
        formats={"cost": "{:,.2f}"},
    )
