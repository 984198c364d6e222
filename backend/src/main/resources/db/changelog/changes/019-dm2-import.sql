--liquibase formatted sql

--changeset dm:019-dm2-import
-- What the Dark Maximus 2 importer (issue 20) has brought over: one row per DM2 record, written in the same
-- transaction as the rows it made. A second run skips what is here (nothing twice); a run cut off halfway goes on
-- from the last committed batch. Kept in backups, so a restored shop still knows what it imported.
CREATE TABLE dm2_import_map (
    kind        VARCHAR(24)  NOT NULL,
    source_key  VARCHAR(200) NOT NULL,
    target_id   BIGINT       NOT NULL,
    imported_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, source_key)
);
