import YibaoRules
import YibaoRun
import YibaoSuite

extension Fuzzer {
    /// Marks findings advisory in the regions where the suite's advisory vectors lie: a finding whose operation and
    /// reference trace are those of a vector naming a provisional interpretation (docs/interpretations.md) rests on a
    /// reading awaiting a ruling, and fails nothing (`certify` does not count it). Coarse: a region is a whole
    /// operation and trace, which for some operations (transfer-handling) holds every case; `fuzz` therefore does not
    /// use it.
    public mutating func markAdvisory(regionsOf vectors: [Vector]) {
        var regions = Set<String>()
        for vector in vectors where vector.advisory {
            let answer = Reference.evaluate(operation: vector.operation, input: vector.input, parameters: parameters)
            regions.insert(Self.region(vector.operation, Outcome(answer).trace ?? []))
        }
        isAdvisory = { [regions] in regions.contains(Self.region($0.operation, $0.trace)) }
    }

    static func region(_ operation: String, _ trace: [String]) -> String {
        operation + "|" + trace.joined(separator: ",")
    }
}
