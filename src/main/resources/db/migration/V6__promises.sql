-- A debtor's promise to pay on a day: escalation pauses until the day after it.
ALTER TABLE debt ADD COLUMN promised_until DATE;
