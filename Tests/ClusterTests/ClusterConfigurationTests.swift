import Cluster
import Testing
import WiretraceCore

@Suite struct ClusterConfigurationTests {
    func parse(_ json: String) throws -> ClusterConfiguration {
        try ClusterConfiguration(from: ConfigReader(try JSONParser.parse(json), path: "stages[3]"))
    }

    @Test func readsEveryVerificationKey() throws {
        let c = try parse(
            """
            {"verification": {"method": "aligned_passages", "min_passage_words": 9, "quote_weight": 0.1,
             "min_shared_words": 25, "min_containment": 0.35, "max_number_conflicts": 3,
             "short_text_containment": 0.95, "mutual_share": 0.6, "best_min_share": 0.25, "best_min_words": 50,
             "copy_similarity": 0.9, "majority_share": 0.6, "digest_share": 0.3},
             "fingerprints": {"common_min_documents": 7, "common_sample_documents": 16}}
            """)
        #expect(c.minPassageWords == 9 && c.quoteWeight == 0.1 && c.minSharedWords == 25)
        #expect(c.minContainment == 0.35 && c.maxNumberConflicts == 3 && c.shortTextContainment == 0.95)
        #expect(c.mutualShare == 0.6 && c.bestMinShare == 0.25 && c.bestMinWords == 50 && c.digestShare == 0.3)
        #expect(c.commonMinDocuments == 7 && c.commonSampleDocuments == 16)
    }

    @Test(arguments: [
        #"{"verification": {"min_containment": 1.5}}"#,
        #"{"verification": {"mutual_sharee": 0.5}}"#,
        #"{"lsh": {"bands": 16}}"#,
    ])
    func rejectsBadValues(json: String) {
        #expect(throws: WiretraceError.self) { try parse(json) }
    }
}
