import Testing
import WiretraceCore

@testable import Attribute

@Suite("Attributor")
struct AttributorTests {
    static func attributor() throws -> Attributor {
        Attributor(configuration: AttributeConfiguration(table: try AgencyTable.builtIn()))
    }

    static func input(_ evidence: [[Evidence]]) -> Attributor.Input {
        Attributor.Input(
            members: evidence.enumerated().map { (ordinal: $0.offset, id: "d\($0.offset)", evidence: $0.element) })
    }

    @Test("an outlet's own story, with no evidence, gets null and confidence 0")
    func ownStoryIsNull() throws {
        let out = try Self.attributor().process(Self.input([[]]))
        #expect(out.cluster.agency == nil)
        #expect(out.members[0].agency == nil)
        #expect(out.members[0].confidence == 0)
        #expect(out.members[0].evidence.isEmpty)
    }

    @Test("generic '(With inputs from agencies)' names no agency")
    func genericIsNull() throws {
        let out = try Self.attributor().process(
            Self.input([[Evidence(agency: nil, kind: .inputsFromAgencies, text: "(With inputs from agencies)")]]))
        #expect(out.members[0].agency == nil)
    }

    @Test("members without credit inherit the cluster's origin with kind cluster")
    func inheritance() throws {
        let dateline = Evidence(agency: "AP", kind: .dateline, text: "NEW YORK (AP) —", start: 0, end: 15)
        let out = try Self.attributor().process(Self.input([[dateline], [], []]))
        #expect(out.cluster.agency == "AP")
        for m in out.members.dropFirst() {
            #expect(m.agency == "AP")
            #expect(m.evidence.last?.kind == .cluster)
            #expect(m.evidence.last?.text == "NEW YORK (AP) —")
            #expect(m.evidence.last?.start == nil)
            #expect(m.confidence < out.members[0].confidence)
        }
    }

    @Test("the weighted vote decides the origin; a member keeps its own strong credit")
    func vote() throws {
        let out = try Self.attributor().process(
            Self.input([
                [Evidence(agency: "AP", kind: .dateline, text: "(AP) —")],
                [Evidence(agency: "AP", kind: .copyright, text: "© AP")],
                [Evidence(agency: "Reuters", kind: .byline, text: "By Reuters")],
            ]))
        #expect(out.cluster.agency == "AP")
        #expect(out.cluster.confidence < 1)
        #expect(out.members[2].agency == "Reuters")
    }

    @Test("a quote source alone names the agency for its document but is not passed on")
    func quoteSourceNotInherited() throws {
        let out = try Self.attributor().process(
            Self.input([[Evidence(agency: "Reuters", kind: .quoteSource, text: "told Reuters")], []]))
        #expect(out.members[0].agency == "Reuters")
        #expect(out.members[1].agency == nil)
    }

    @Test("a document with only a quote source is joined by the cluster's stronger credit")
    func weakOwnJoinsCluster() throws {
        let out = try Self.attributor().process(
            Self.input([
                [Evidence(agency: "AP", kind: .quoteSource, text: "told the Associated Press")],
                [
                    Evidence(
                        agency: "AP", kind: .credit, text: "According to a report by the news agency Associated Press")
                ],
            ]))
        #expect(out.members[0].agency == "AP")
        #expect(out.members[0].evidence.map(\.kind) == [.quoteSource, .cluster])
        #expect(out.members[0].confidence > 0.35)
    }

    @Test("scores count the strongest piece of each kind once")
    func scores() throws {
        let a = try Self.attributor()
        let s = a.scores([
            Evidence(agency: "Reuters", kind: .quoteSource, text: "told Reuters"),
            Evidence(agency: "Reuters", kind: .quoteSource, text: "told Reuters"),
        ])
        #expect(s["Reuters"] == 0.35)
    }

    /// An agency's score is its kinds' weights summed in the kinds' declared order, whatever the
    /// order of the evidence or of a set of kinds: the sum's last bit (and so a tie between two
    /// agencies) must not change from one process to the next. Weights whose sums round
    /// differently in different orders.
    @Test func scoresSumTheKindsInDeclaredOrder() throws {
        var configuration = AttributeConfiguration(table: try AgencyTable.builtIn())
        for (i, kind) in EvidenceKind.allCases.enumerated() {
            configuration.weights[kind] = [0.1, 0.2, 0.3, 0.7][i % 4]
        }
        let attributor = Attributor(configuration: configuration)
        let kinds = EvidenceKind.allCases
        for a in kinds.indices {
            for b in kinds.indices where b > a {
                for c in kinds.indices where c > b {
                    let chosen = [kinds[a], kinds[b], kinds[c]]
                    let expected = chosen.reduce(0.0) { $0 + (configuration.weights[$1] ?? 0) }
                    for order in [chosen, chosen.reversed(), [chosen[1], chosen[2], chosen[0]]] {
                        let evidence = order.map { Evidence(agency: "AP", kind: $0, text: "x") }
                        #expect(attributor.scores(evidence)["AP"] == expected, "\(order)")
                    }
                }
            }
        }
    }
}
