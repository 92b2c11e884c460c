/// Writes records in one of the output formats.
public protocol RecordWriter {
    mutating func write(_ records: [Record]) throws
    /// Called once after the last record of a document.
    mutating func endDocument() throws
}

/// The output formats of `ocr-clean clean --format`.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Cleaned text.
    case text
    /// JSON Lines: one record per line (see README, "Records").
    case records
    /// Cleaned text with every change shown inline as `[before→after]` for review.
    case diff
}
