-- Staff search the supporter list by the start of a name (the canonical address already has its unique
-- index); with 100,000 supporters a prefix search must not read the whole table.
CREATE INDEX ix_supporter_first_name ON supporter (first_name);
CREATE INDEX ix_supporter_last_name ON supporter (last_name);
