"""Big roll snapshots kept in the vault's encrypted file store: ``vote_roll.data_blob_id`` points at the
blob and ``data`` is then empty (``unionkit.votes.rolls.FILE_STORE_BYTES``)."""

VERSION = 7

SQL = """
ALTER TABLE vote_roll ADD COLUMN data_blob_id INTEGER REFERENCES blob(id);
"""
