namespace CxLive.Silo.Storage;

/// <summary>The embedded database's tables: grain state, and the fleet index (<see cref="SqliteFleetIndex"/>).</summary>
internal static class SqliteSchema
{
    public const string Tables = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_id   TEXT    NOT NULL,
            state_name TEXT    NOT NULL,
            grain_type TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            payload    BLOB    NOT NULL,
            updated_at TEXT    NOT NULL,
            PRIMARY KEY (grain_id, state_name)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS ix_row (
            ix      TEXT NOT NULL,
            id      TEXT NOT NULL,
            row     BLOB NOT NULL,
            PRIMARY KEY (ix, id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS ix_tag (
            ix  TEXT NOT NULL,
            tag TEXT NOT NULL,
            id  TEXT NOT NULL,
            PRIMARY KEY (ix, tag, id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS ix_sort (
            ix   TEXT NOT NULL,
            key  TEXT NOT NULL,
            id   TEXT NOT NULL,
            num  REAL NOT NULL,
            PRIMARY KEY (ix, key, id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_sort_order ON ix_sort (ix, key, num, id);
        CREATE TABLE IF NOT EXISTS ix_counter (
            ix    TEXT NOT NULL,
            name  TEXT NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (ix, name)
        ) WITHOUT ROWID;
        """;
}
