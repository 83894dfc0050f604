import MS5EtherNetIP

/// A small reader for the two PLC export formats the simulator loads:
/// RSLogix 5000 tag exports (`TYPE,SCOPE,NAME,DESCRIPTION,DATATYPE,…`) and RSLogix 500 symbol exports (address first).
public enum PLCExportReader {
    /// Controller and program tags of an RSLogix 5000 CSV export that the simulator can model
    /// (atomic types, STRING, BOOL arrays, TIMER/COUNTER/CONTROL and arrays of them).
    public static func logixTags(csv text: String) -> [TagDefinition] {
        var definitions: [TagDefinition] = []
        var columns: [String: Int] = [:]
        for line in lines(text) {
            let fields = csvFields(line)
            if fields.first == "TYPE" {
                for (index, name) in fields.enumerated() { columns[name] = index }
                continue
            }
            guard fields.first == "TAG", let nameColumn = columns["NAME"], let typeColumn = columns["DATATYPE"],
                  nameColumn < fields.count, typeColumn < fields.count
            else { continue }
            let scope = columns["SCOPE"].flatMap { $0 < fields.count ? fields[$0] : nil } ?? ""
            let name = scope.isEmpty ? fields[nameColumn] : "Program:\(scope).\(fields[nameColumn])"
            if let definition = TagDefinition(name: name, dataType: fields[typeColumn]) { definitions.append(definition) }
        }
        return definitions
    }

    /// Data files of an RSLogix 500 symbol export: for each file, its type and the highest element used.
    public static func slcFiles(csv text: String) -> [SimulatedDataFiles.FileDefinition] {
        var highest: [UInt16: (PCCCFileType, Int)] = [:]
        for line in lines(text) {
            guard let first = csvFields(line).first, let address = try? PCCCAddress(parsing: first) else { continue }
            let element = Int(address.element)
            let current = highest[address.fileNumber]?.1 ?? -1
            highest[address.fileNumber] = (address.fileType, max(current, element))
        }
        return highest.keys.sorted().compactMap { number in
            highest[number].map { SimulatedDataFiles.FileDefinition(type: $0.0, number: number, elements: max($0.1 + 1, 1)) }
        }
    }

    private static func lines(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// Splits one CSV line, honouring double quotes and doubled quotes inside them.
    static func csvFields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        var pending: Character? = iterator.next()
        while let character = pending {
            pending = iterator.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" { current.append("\""); pending = iterator.next() } else { quoted = false }
                } else { current.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
