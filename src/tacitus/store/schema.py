"""DuckDB schema of the store. Bump ``SCHEMA_VERSION`` on any change."""

from __future__ import annotations

SCHEMA_VERSION = 1

TABLES: dict[str, str] = {
    "meta": """
        CREATE TABLE IF NOT EXISTS meta (
            key VARCHAR PRIMARY KEY,
            value VARCHAR
        )""",
    "runs": """
        CREATE TABLE IF NOT EXISTS runs (
            run_id VARCHAR PRIMARY KEY,
            started_at TIMESTAMP,
            finished_at TIMESTAMP,
            coder_version VARCHAR,
            config_hash VARCHAR,
            command VARCHAR,
            inputs BIGINT,
            coded BIGINT,
            failed BIGINT,
            status VARCHAR
        )""",
    "articles": """
        CREATE TABLE IF NOT EXISTS articles (
            id VARCHAR PRIMARY KEY,
            title VARCHAR,
            published DATE,
            outlet VARCHAR,
            url VARCHAR,
            origin VARCHAR,
            external_id VARCHAR,
            text VARCHAR,
            text_sha256 VARCHAR,
            n_events INTEGER,
            coder_version VARCHAR,
            config_hash VARCHAR,
            run_id VARCHAR,
            ingested_at TIMESTAMP,
            record JSON
        )""",
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR,
            event_type VARCHAR,
            mode VARCHAR,
            source_codes VARCHAR,
            target_codes VARCHAR,
            source_text VARCHAR,
            target_text VARCHAR,
            source_sectors VARCHAR,
            target_sectors VARCHAR,
            trigger_text VARCHAR,
            trigger_start INTEGER,
            trigger_end INTEGER,
            sentence_index INTEGER,
            evidence_start INTEGER,
            evidence_end INTEGER,
            evidence_text VARCHAR,
            date_value VARCHAR,
            date_precision VARCHAR,
            event_date DATE,
            location_name VARCHAR,
            location_country VARCHAR,
            location_geonameid BIGINT,
            location_lat DOUBLE,
            location_lon DOUBLE,
            attribution_source VARCHAR,
            attribution_kind VARCHAR,
            negated BOOLEAN,
            hypothetical BOOLEAN,
            future BOOLEAN,
            claimed BOOLEAN,
            denied BOOLEAN,
            factual BOOLEAN,
            quad_class INTEGER,
            cameo_root VARCHAR,
            intensity DOUBLE,
            confidence DOUBLE,
            published DATE,
            outlet VARCHAR,
            url VARCHAR,
            run_id VARCHAR,
            record JSON
        )""",
    "event_actors": """
        CREATE TABLE IF NOT EXISTS event_actors (
            event_id VARCHAR,
            role VARCHAR,
            position INTEGER,
            text VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            name VARCHAR,
            country VARCHAR,
            igo VARCHAR,
            sector VARCHAR,
            wikidata VARCHAR,
            PRIMARY KEY (event_id, role, position)
        )""",
    "failures": """
        CREATE TABLE IF NOT EXISTS failures (
            id VARCHAR PRIMARY KEY,
            origin VARCHAR,
            article_id VARCHAR,
            code VARCHAR,
            message VARCHAR,
            run_id VARCHAR,
            failed_at TIMESTAMP
        )""",
}

INDEXES: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS events_article ON events (article_id)",
    "CREATE INDEX IF NOT EXISTS event_actors_country ON event_actors (country)",
)
