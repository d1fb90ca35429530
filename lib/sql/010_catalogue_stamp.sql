-- A stamp that takes a new random value whenever something an export reads changes, so that an
-- export can tell that the catalogue is as it was at its last run without reading the catalogue.
-- Random rather than counting, so that two libraries (or two copies of one) exporting into the same
-- folder do not share a stamp after different changes. A sync that only saw the same page again
-- (documents.last_seen, urls.last_checked and the like) leaves it alone.
CREATE TABLE catalogue_stamp (value INTEGER NOT NULL);
INSERT INTO catalogue_stamp VALUES (random());

CREATE TRIGGER documents_added AFTER INSERT ON documents BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER documents_removed AFTER DELETE ON documents BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER documents_changed AFTER UPDATE ON documents
    WHEN (NEW.id, NEW.slug, NEW.title, NEW.type, NEW.publisher, NEW.date, NEW.period, NEW.level, NEW.status, NEW.series_key)
      IS NOT (OLD.id, OLD.slug, OLD.title, OLD.type, OLD.publisher, OLD.date, OLD.period, OLD.level, OLD.status, OLD.series_key)
    BEGIN UPDATE catalogue_stamp SET value = random(); END;

CREATE TRIGGER urls_added AFTER INSERT ON urls BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER urls_removed AFTER DELETE ON urls BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER urls_moved AFTER UPDATE OF document_id, url ON urls BEGIN UPDATE catalogue_stamp SET value = random(); END;

CREATE TRIGGER aliases_added AFTER INSERT ON aliases BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER aliases_removed AFTER DELETE ON aliases BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER aliases_changed AFTER UPDATE ON aliases BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER themes_added AFTER INSERT ON themes BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER themes_removed AFTER DELETE ON themes BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER themes_changed AFTER UPDATE ON themes BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER memberships_added AFTER INSERT ON memberships BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER memberships_removed AFTER DELETE ON memberships BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER memberships_changed AFTER UPDATE ON memberships BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER events_added AFTER INSERT ON events BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER events_removed AFTER DELETE ON events BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER events_changed AFTER UPDATE ON events BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER blobs_added AFTER INSERT ON blobs BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER blobs_removed AFTER DELETE ON blobs BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER blobs_changed AFTER UPDATE ON blobs BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER versions_added AFTER INSERT ON versions BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER versions_removed AFTER DELETE ON versions BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER versions_changed AFTER UPDATE ON versions BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER pages_added AFTER INSERT ON pages BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER pages_removed AFTER DELETE ON pages BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER pages_changed AFTER UPDATE ON pages BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER tags_added AFTER INSERT ON tags BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER tags_removed AFTER DELETE ON tags BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER tags_changed AFTER UPDATE ON tags BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER document_tags_added AFTER INSERT ON document_tags BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER document_tags_removed AFTER DELETE ON document_tags BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER document_tags_changed AFTER UPDATE ON document_tags BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER redirects_added AFTER INSERT ON redirects BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER redirects_removed AFTER DELETE ON redirects BEGIN UPDATE catalogue_stamp SET value = random(); END;
CREATE TRIGGER redirects_changed AFTER UPDATE ON redirects BEGIN UPDATE catalogue_stamp SET value = random(); END;
