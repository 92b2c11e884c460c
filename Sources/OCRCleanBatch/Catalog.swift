import GRDB
import OCRClean

/// The SQLite catalog of a batch output directory (`ocr-clean-catalog.sqlite` under `--out`): one
/// row per document (see `CatalogEntry`) and one per run. A re-run reads it to skip documents
/// already done with the same content and pipeline.
public final class Catalog: Sendable {
    public static let fileName = "ocr-clean-catalog.sqlite"

    let queue: DatabaseQueue
    public let path: String

    /// Opens (creating if needed) the catalog at `path`.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        // Write-ahead log without a sync at every commit: a row per document costs microseconds,
        // not a disk flush. A crash may lose the last rows; their documents are then redone.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "documents") { t in
                t.primaryKey("path", .text)
                t.column("input", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("hash", .text).notNull()
                t.column("pipeline", .text).notNull()
                t.column("pipeline_version", .text).notNull()
                t.column("status", .text).notNull()
                t.column("error", .text)
                t.column("started", .double).notNull()
                t.column("seconds", .double).notNull()
                t.column("bytes_out", .integer).notNull()
                t.column("words", .integer).notNull()
                t.column("known_share", .double).notNull()
                t.column("garbage_share", .double).notNull()
                t.column("change_share", .double).notNull()
                t.column("estimated_cer", .double).notNull()
                t.column("changes", .text).notNull()
                t.column("excerpt_before", .text).notNull()
                t.column("excerpt_after", .text).notNull()
            }
            try db.create(table: "runs") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("started", .double).notNull()
                t.column("finished", .double)
                t.column("pipeline", .text).notNull()
                t.column("pipeline_version", .text).notNull()
                t.column("jobs", .integer).notNull()
                t.column("documents", .integer).notNull()
                t.column("processed", .integer)
                t.column("unchanged", .integer)
                t.column("failed", .integer)
                t.column("seconds", .double)
                t.column("bytes", .integer)
            }
        }
        try migrator.migrate(queue)
    }

    public func entry(for path: String) throws -> CatalogEntry? {
        try queue.read { db in try CatalogEntry.fetchOne(db, key: path) }
    }

    public func entries() throws -> [CatalogEntry] {
        try queue.read { db in try CatalogEntry.order(Column("path")).fetchAll(db) }
    }

    /// Every row, keyed by path (read once at the start of a run).
    public func entriesByPath() throws -> [String: CatalogEntry] {
        Dictionary(try entries().map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Saves rows in one transaction.
    public func save(_ entries: [CatalogEntry]) throws {
        try queue.write { db in
            for entry in entries { try entry.save(db) }
        }
    }

    public func startRun(pipeline: String, version: String, jobs: Int, documents: Int, started: Double) throws -> Int64 {
        try queue.write { db in
            try db.execute(sql: "INSERT INTO runs (started, pipeline, pipeline_version, jobs, documents) VALUES (?, ?, ?, ?, ?)",
                           arguments: [started, pipeline, version, jobs, documents])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(_ id: Int64, finished: Double, processed: Int, unchanged: Int, failed: Int, seconds: Double, bytes: Int) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE runs SET finished = ?, processed = ?, unchanged = ?, failed = ?, seconds = ?, bytes = ? WHERE id = ?",
                           arguments: [finished, processed, unchanged, failed, seconds, bytes, id])
        }
    }
}
