"""The models this site documents with the ``dispatcher`` directive.

- ``tutorial``: the symmetric-cryptography model of the tutorial
  (``notebooks/tutorial.ipynb``), built as the tutorial builds it (the
  functions have docstrings here, and the data nodes descriptions);
- ``nested``: the same job with the key handling in a sub-model of its own;
- ``household``: the model of ``notebooks/household_energy.ipynb`` (built by
  ``notebooks/household.py``, which the notebooks share).
"""

from __future__ import annotations

import os.path as osp

from cryptography.fernet import Fernet

import schedula_nb as sh

tutorial = sh.Dispatcher(
    name="symmetric_cryptography",
    description="Encrypt and decrypt messages with a key, generated or read.",
)


# The data nodes first, with descriptions for the documentation.
for data_id, text in {
    "key_fpath": "where the key is kept",
    "key": "the key of the Fernet cipher",
    "decrypted": "the message, readable",
    "encrypted": "the message, encrypted",
    "decrypted_fpath": "file of the readable message",
    "encrypted_fpath": "file of the encrypted message",
}.items():
    tutorial.add_data(data_id, description=text)


@sh.add_function(tutorial, outputs=["key"], weight=2)
def generate_key():
    """Generate a new key (costs more than reading one)."""
    return Fernet.generate_key().decode()


@sh.add_function(tutorial)
def write_key(key_fpath, key):
    """Save the key to a file."""
    with open(key_fpath, "w") as f:
        f.write(key)


@sh.add_function(tutorial, outputs=["key"], input_domain=osp.isfile)
def read_key(key_fpath):
    """Read a key saved earlier (only when the file exists)."""
    with open(key_fpath) as f:
        return f.read()


@sh.add_function(tutorial, outputs=["encrypted"])
def encrypt_message(key, decrypted):
    """Encrypt a message with the key."""
    return Fernet(key.encode()).encrypt(decrypted.encode()).decode()


@sh.add_function(tutorial, outputs=["decrypted"])
def decrypt_message(key, encrypted):
    """Decrypt a message with the key."""
    return Fernet(key.encode()).decrypt(encrypted.encode()).decode()


tutorial.add_function(
    function_id="read_decrypted",
    function=read_key,
    inputs=["decrypted_fpath"],
    outputs=["decrypted"],
)
tutorial.add_function(
    "read_encrypted",
    read_key,
    ["encrypted_fpath"],
    ["encrypted"],
    input_domain=osp.isfile,
)
tutorial.add_function(
    "write_decrypted",
    write_key,
    ["decrypted_fpath", "decrypted"],
    input_domain=osp.isfile,
)
tutorial.add_function("write_encrypted", write_key, ["encrypted_fpath", "encrypted"])

# -- the same job, with the key handling as a sub-model -------------------------
keys = sh.Dispatcher(name="key_store", description="A key: read if saved, else new.")
keys.add_function("generate_key", generate_key, outputs=["key"], weight=2)
keys.add_function("read_key", read_key, ["key_fpath"], ["key"], input_domain=osp.isfile)
keys.add_function("write_key", write_key, ["key_fpath", "key"])

nested = sh.Dispatcher(
    name="nested_cryptography",
    description="The tutorial's model, its key handling in a sub-model.",
)
nested.add_dispatcher(
    keys,
    inputs={"key_fpath": "key_fpath"},
    outputs={"key": "key"},
    dsp_id="key_store",
    description="Gives the key: reads it if saved, else generates and saves one.",
)
nested.add_function(
    "encrypt_message", encrypt_message, ["key", "decrypted"], ["encrypted"]
)
nested.add_function(
    "decrypt_message", decrypt_message, ["key", "encrypted"], ["decrypted"]
)
nested.add_data("key_fpath", description="where the key is kept")


# -- the household notebook's model, from the module the notebooks share --------
def _household() -> sh.Dispatcher:
    """``notebooks/household.py``'s model (the one of household_energy.ipynb)."""
    import importlib.util

    path = osp.join(
        osp.dirname(osp.abspath(__file__)), "..", "notebooks", "household.py"
    )
    spec = importlib.util.spec_from_file_location("household", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_household()


household = _household()
