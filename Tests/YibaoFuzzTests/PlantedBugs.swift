import Foundation
import YibaoFuzz
import YibaoRules
import YibaoRun
import YibaoSuite

/// Implementations with one planted bug each: the reference, wrong in one place the way real implementations go
/// wrong. The same bugs are planted in a real adapter (`planted-adapter.py`) for the runs over pipes.
enum PlantedBug: String, CaseIterable, Sendable {
    /// employee.back-payment computes the amount in binary floating point: base × 0.07 × months rounded as a
    /// Double, so a half fen (3528.50 × 7% = 246.995) can fall to 246.99.
    case floatRounding = "float-rounding"
    /// resident.newborn adds months like a date library that overflows into the next month: 31 Aug + 6 months =
    /// 3 Mar, so a payment on 1–3 March still counts as "6个月内".
    case monthOverflow = "month-overflow"
    /// employee.back-payment switches to the 2022 rules one day late: 2022-05-01 still gets JI-2020-19/3.2.
    case lateSwitch = "late-switch"
    /// employee.transfer-handling counts working days without the make-up days (`extraWorkdays`).
    case forgetsMakeUpDays = "forgets-make-up-days"

    var operation: String {
        switch self {
        case .floatRounding, .lateSwitch: "employee.back-payment"
        case .monthOverflow: "resident.newborn"
        case .forgetsMakeUpDays: "employee.transfer-handling"
        }
    }

    /// The planted implementation's answer.
    func evaluate(_ operation: String, _ input: Value) -> Result<Answer, RuleError> {
        guard operation == self.operation else { return reference(operation, input) }
        switch self {
        case .floatRounding:
            let answer = reference(operation, input)
            guard case .success(var a) = answer, case .string(let base)? = a.output["base"], case .number(let months)? = a.output["months"],
                let b = Double(base), let m = Double(months), case .object(var members) = a.output
            else { return answer }
            let amount = (b * 0.07 * m * 100).rounded() / 100
            if let k = members.firstIndex(where: { $0.key == "amount" }) { members[k].value = .string(String(format: "%.2f", amount)) }
            a.output = .object(members)
            return .success(a)
        case .monthOverflow:
            // Within six months by the overflowing library: the reference's answer for a payment on the real end
            // of the window when the payment falls between it and the overflowed end.
            guard case .string(let b)? = input["birthDate"], case .string(let p)? = input["paymentDate"],
                let born = Day(b), let paid = Day(p)
            else { return reference(operation, input) }
            let end = born.addingMonths(6)
            let overflowed = Day(year: end.year, month: end.month, day: 1)!.addingDays(born.day - 1)
            if paid > end && paid <= overflowed {
                return reference(operation, input.replacing("paymentDate", with: .string(end.description)))
            }
            return reference(operation, input)
        case .lateSwitch:
            if input["paymentDate"] == .string("2022-05-01") {
                return reference(operation, input.replacing("paymentDate", with: .string("2022-04-30")))
            }
            return reference(operation, input)
        case .forgetsMakeUpDays:
            return reference(operation, input.replacing("extraWorkdays", with: nil))
        }
    }

    func reference(_ operation: String, _ input: Value) -> Result<Answer, RuleError> {
        Reference.evaluate(operation: operation, input: input, parameters: FuzzerTests.parameters)
    }

    var target: FuzzTarget {
        .inProcess(Implementation(name: "planted-\(rawValue)", version: "0", vendor: "test")) { self.evaluate($0, $1) }
    }
}

extension Value {
    /// The object with `key` set to `value` (removed when nil).
    func replacing(_ key: String, with value: Value?) -> Value {
        guard case .object(var members) = self else { return self }
        if let k = members.firstIndex(where: { $0.key == key }) {
            if let value { members[k].value = value } else { members.remove(at: k) }
        }
        return .object(members)
    }
}

/// An implementation that reads provisional I-27 the other way (docs/interpretations.md): a transfer application on a
/// non-working day is received on the next working day, and the count starts the day after that. Everything else is
/// the reference's answer. Not a bug: an advisory disagreement, which fails nothing.
enum OtherReadingOfI27 {
    static func evaluate(_ operation: String, _ input: Value) -> Result<Answer, RuleError> {
        let reference = Reference.evaluate(operation: operation, input: input, parameters: FuzzerTests.parameters)
        // Only where the reference gives a deadline: the reading moves the count, not whether the notices apply.
        guard operation == "employee.transfer-handling", case .success(let answer) = reference,
            case .string? = answer.output["deadline"], case .string(let text)? = input["applicationDate"], let applied = Day(text)
        else { return reference }
        func days(_ key: String) -> Set<Day> {
            guard case .array(let items)? = input[key] else { return [] }
            return Set(items.compactMap { if case .string(let t) = $0 { Day(t) } else { nil } })
        }
        let holidays = days("holidays"), extra = days("extraWorkdays")
        func working(_ d: Day) -> Bool { extra.contains(d) || (d.weekday <= 5 && !holidays.contains(d)) }
        guard !working(applied) else { return reference }
        var received = applied.addingDays(1)
        while !working(received) { received = received.addingDays(1) }
        return Reference.evaluate(
            operation: operation, input: input.replacing("applicationDate", with: .string(received.description)),
            parameters: FuzzerTests.parameters)
    }

    static var target: FuzzTarget {
        .inProcess(Implementation(name: "other-reading-I-27", version: "0", vendor: "test")) { evaluate($0, $1) }
    }
}
