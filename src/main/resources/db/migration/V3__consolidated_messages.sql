-- One consolidated message covers the same stage of several debts of a debtor: their ledger rows share its wamid.
DROP INDEX uq_outbound_message_wamid;
CREATE INDEX ix_outbound_message_wamid ON outbound_message (wamid);
