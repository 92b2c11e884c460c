import OCRClean

/// Writes a `ReportData` as text, JSON, Markdown or one self-contained HTML file.
///
/// The HTML has no script at all and a Content-Security-Policy that forbids any (so even text
/// that escaped escaping could not run); charts are inline SVG; every piece of document text and
/// every file name goes through `escape`.
public enum ReportRenderer {
    public enum Format: String, CaseIterable, Sendable { case text, json, md, html }

    public static func render(_ data: ReportData, as format: Format) -> String {
        switch format {
        case .text: return text(data)
        case .json: return json(data)
        case .md: return markdown(data)
        case .html: return html(data)
        }
    }

    static func percent(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 10
        return String(r) + " %"
    }

    /// The documents with the highest estimated error rate first.
    static func worst(_ data: ReportData, _ n: Int) -> [ReportData.Document] {
        Array(data.documents.sorted { $0.estimatedCER != $1.estimatedCER ? $0.estimatedCER > $1.estimatedCER : $0.name < $1.name }.prefix(n))
    }

    static func text(_ d: ReportData) -> String {
        var out = "ocr-clean report: \(d.documents.count) documents (\(d.done) cleaned, \(d.failed) failed), \(d.totalWords) words\n"
        out += "known words \(percent(d.knownShare)), garbage tokens \(percent(d.garbageShare)), estimated CER \(percent(d.estimatedCER))\n"
        out += "changes by rule:\n"
        for (rule, n) in d.changesByRule.prefix(15) { out += "  \(rule): \(n)\n" }
        out += "worst documents (estimated CER):\n"
        for doc in worst(d, 10) { out += "  \(percent(doc.estimatedCER))  \(doc.name)\(doc.status == "done" ? "" : " [\(doc.status)]")\n" }
        return out
    }

    /// A JSON string literal (the library's escaping, as in records).
    static func jsonString(_ s: String) -> String {
        var bytes: [UInt8] = []
        JSONString.append(s, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func json(_ d: ReportData) -> String {
        var out = "{\"documents\":\(d.documents.count),\"cleaned\":\(d.done),\"failed\":\(d.failed),\"words\":\(d.totalWords)"
        out += ",\"known_share\":\(d.knownShare),\"garbage_share\":\(d.garbageShare),\"estimated_cer\":\(d.estimatedCER)"
        out += ",\"changes_by_rule\":{" + d.changesByRule.map { "\(jsonString($0.rule)):\($0.count)" }.joined(separator: ",") + "}"
        out += ",\"per_document\":["
        out += d.documents.map { doc in
            "{\"name\":\(jsonString(doc.name)),\"status\":\(jsonString(doc.status)),\"words\":\(doc.words),\"known_share\":\(doc.knownShare)"
                + ",\"garbage_share\":\(doc.garbageShare),\"change_share\":\(doc.changeShare),\"estimated_cer\":\(doc.estimatedCER)"
                + (doc.error.map { ",\"error\":\(jsonString($0))" } ?? "") + "}"
        }.joined(separator: ",")
        return out + "]}\n"
    }

    /// Markdown table cells: pipes and line breaks escaped, HTML neutralised.
    static func cell(_ s: String) -> String {
        escape(s).replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
    }

    static func markdown(_ d: ReportData) -> String {
        var out = "# ocr-clean report\n\n"
        out += "| documents | cleaned | failed | words | known words | garbage | estimated CER |\n|---:|---:|---:|---:|---:|---:|---:|\n"
        out += "| \(d.documents.count) | \(d.done) | \(d.failed) | \(d.totalWords) | \(percent(d.knownShare)) | \(percent(d.garbageShare)) | \(percent(d.estimatedCER)) |\n\n"
        out += "## Changes by rule\n\n| rule | changes |\n|---|---:|\n"
        for (rule, n) in d.changesByRule.prefix(20) { out += "| \(cell(rule)) | \(n) |\n" }
        out += "\n## Worst documents\n\n| document | status | words | known | estimated CER |\n|---|---|---:|---:|---:|\n"
        for doc in worst(d, 20) {
            out += "| \(cell(doc.name)) | \(cell(doc.status)) | \(doc.words) | \(percent(doc.knownShare)) | \(percent(doc.estimatedCER)) |\n"
        }
        return out
    }

    /// HTML text: `& < > " '` as character references; control characters dropped.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func html(_ d: ReportData) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>ocr-clean report</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}
            h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}
            .totals{display:flex;gap:1.5em;flex-wrap:wrap}.totals div{background:#f3f5f8;padding:.6em 1em;border-radius:6px}
            .totals b{display:block;font-size:1.4em}
            table{border-collapse:collapse;width:100%;font-size:.92em}td,th{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            pre{white-space:pre-wrap;background:#fafafa;border:1px solid #eee;padding:.5em;margin:.3em 0;max-height:12em;overflow:auto}
            .bad{color:#b00020}
            </style></head><body>
            <h1>ocr-clean report</h1>

            """
        out += "<p>Sources: " + d.sources.map { "<code>\(escape($0))</code>" }.joined(separator: ", ")
        if !d.pipeline.isEmpty { out += "; pipeline <code>\(escape(d.pipeline))</code>" }
        out += "</p>\n<div class=\"totals\">"
        for (label, value) in [("documents", String(d.documents.count)), ("cleaned", String(d.done)), ("failed", String(d.failed)),
                               ("words", String(d.totalWords)), ("known words", percent(d.knownShare)), ("garbage tokens", percent(d.garbageShare)),
                               ("estimated CER", percent(d.estimatedCER))] {
            out += "<div><b>\(escape(value))</b>\(escape(label))</div>"
        }
        out += "</div>\n<h2>Distribution of the estimated character error rate</h2>\n" + histogram(d)
        out += "<h2>Changes by rule</h2>\n" + bars(Array(d.changesByRule.prefix(15)))
        out += "<h2>Worst documents</h2>\n<table><tr><th>document</th><th>status</th><th>words</th><th>known</th><th>garbage</th><th>estimated CER</th></tr>\n"
        let worstDocuments = worst(d, 25)
        for (k, doc) in worstDocuments.enumerated() {
            out += "<tr><td><a href=\"#doc-\(k)\">\(escape(doc.name))</a></td><td\(doc.status == "done" ? "" : " class=\"bad\"")>\(escape(doc.status))</td>"
            out += "<td class=\"n\">\(doc.words)</td><td class=\"n\">\(percent(doc.knownShare))</td><td class=\"n\">\(percent(doc.garbageShare))</td><td class=\"n\">\(percent(doc.estimatedCER))</td></tr>\n"
        }
        out += "</table>\n<h2>Before and after</h2>\n"
        for (k, doc) in worstDocuments.enumerated() {
            out += "<section id=\"doc-\(k)\"><h3>\(escape(doc.name))</h3>"
            if let error = doc.error { out += "<p class=\"bad\">\(escape(error))</p>" }
            out += "<p>before</p><pre>\(escape(doc.excerptBefore))</pre><p>after</p><pre>\(escape(doc.excerptAfter))</pre></section>\n"
        }
        out += "</body></html>\n"
        return out
    }

    /// Inline SVG histogram of the estimated CER, in bins of one point up to 20 % (and more).
    static func histogram(_ d: ReportData) -> String {
        var bins = [Int](repeating: 0, count: 21)
        for doc in d.documents where doc.status == "done" { bins[min(20, Int(doc.estimatedCER * 100))] += 1 }
        let top = max(1, bins.max() ?? 1)
        let w = 40, h = 160
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(bins.count * w + 40)\" height=\"\(h + 40)\" role=\"img\" aria-label=\"histogram\">"
        for (k, n) in bins.enumerated() {
            let bar = n * h / top
            svg += "<rect x=\"\(30 + k * w)\" y=\"\(10 + h - bar)\" width=\"\(w - 4)\" height=\"\(bar)\" fill=\"#4a78b5\"><title>\(k == 20 ? "≥ 20" : "\(k)–\(k + 1)") %: \(n)</title></rect>"
            svg += "<text x=\"\(30 + k * w + (w - 4) / 2)\" y=\"\(h + 26)\" font-size=\"10\" text-anchor=\"middle\">\(k == 20 ? "20+" : String(k))</text>"
            if n > 0 { svg += "<text x=\"\(30 + k * w + (w - 4) / 2)\" y=\"\(6 + h - bar)\" font-size=\"10\" text-anchor=\"middle\">\(n)</text>" }
        }
        return svg + "<text x=\"0\" y=\"\(h + 38)\" font-size=\"10\">estimated CER, %</text></svg>\n"
    }

    /// Inline SVG horizontal bars.
    static func bars(_ rows: [(rule: String, count: Int)]) -> String {
        guard !rows.isEmpty else { return "<p>No changes.</p>\n" }
        let top = max(1, rows.map(\.count).max() ?? 1)
        let rowHeight = 20, labelWidth = 260, width = 560
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + width + 80)\" height=\"\(rows.count * rowHeight + 10)\" role=\"img\" aria-label=\"changes by rule\">"
        for (k, row) in rows.enumerated() {
            let y = 5 + k * rowHeight
            let bar = max(1, row.count * width / top)
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" font-size=\"12\" text-anchor=\"end\">\(escape(row.rule))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(bar)\" height=\"\(rowHeight - 6)\" fill=\"#7aa95c\"></rect>"
            svg += "<text x=\"\(labelWidth + bar + 6)\" y=\"\(y + 14)\" font-size=\"12\">\(row.count)</text>"
        }
        return svg + "</svg>\n"
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
