-- Keys imported from a system that kept them in plain text (llmux v1) are found by digest like
-- minted keys, but may have any shape. A key check asks whether any exist before looking up text
-- that is not shaped like a Gatehouse key; this index answers that without reading every key.

CREATE INDEX api_keys_imported_with_digest ON api_keys (id) WHERE origin = 'imported' AND digest IS NOT NULL;
