--liquibase formatted sql

--changeset dm:013-broadcast-interrupted
-- A recipient claimed by a node that stopped mid-send: it may or may not have arrived, so it is neither SENT nor
-- FAILED; an admin can put such recipients back in the queue.
ALTER TABLE broadcast_recipients DROP CONSTRAINT broadcast_recipients_status_check;
ALTER TABLE broadcast_recipients ADD CONSTRAINT broadcast_recipients_status_check
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'BLOCKED', 'INTERRUPTED'));
