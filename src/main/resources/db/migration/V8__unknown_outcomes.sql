-- A send WhatsApp did not answer (a timeout): the message may have gone out. Its status may still say so.
ALTER TABLE outbound_message ADD COLUMN outcome_unknown BOOLEAN DEFAULT FALSE NOT NULL;
