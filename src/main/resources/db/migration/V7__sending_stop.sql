-- An account-level WhatsApp error (a policy block, a locked account, billing, an invalid token) stops sending on
-- every node that shares the database, and across restarts, until an operator resumes it.
CREATE TABLE sending_stop (
    channel     VARCHAR(16)              NOT NULL PRIMARY KEY,
    error_code  INTEGER                  NOT NULL,
    reason      VARCHAR(500)             NOT NULL,
    stopped_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
