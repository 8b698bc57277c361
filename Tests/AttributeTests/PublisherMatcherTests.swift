import Testing
import WiretraceCore

@testable import Attribute

@Suite("PublisherMatcher")
struct PublisherMatcherTests {
    let matcher: PublisherMatcher

    init() throws { matcher = PublisherMatcher(table: try AgencyTable.builtIn()) }

    @Test(
        "an outlet that is an agency's name or on its domain is the agency",
        arguments: [
            ("Reuters", "Reuters"), (" the associated press ", "AP"), ("AP", "AP"), ("reuters.com", "Reuters"),
            ("https://www.apnews.com/article/abc", "AP"), ("uk.reuters.com", "Reuters"), ("HTTPS://CNN.COM", "CNN"),
            ("bloomberg.com", "Bloomberg"), ("http://www.xinhuanet.com:80/english", "Xinhua"),
        ])
    func matches(outlet: String, agency: String) {
        let e = matcher.evidence(outlet: outlet)
        #expect(e?.agency == agency)
        #expect(e?.kind == .publisher)
        #expect(e?.text == outlet)
        #expect(e?.start == nil)
    }

    @Test(
        "other outlets, ambiguous short names and look-alike domains are not",
        arguments: [
            "yahoo.com/news", "PA", "CP", "", "  ", "notreuters.com", "reuters.com.evil.example", "nytimes.com",
            "Reuters Breakingviews fan blog", "dailymail.co.uk",
        ])
    func doesNotMatch(outlet: String) {
        #expect(matcher.evidence(outlet: outlet) == nil)
    }

    @Test("no outlet, no evidence")
    func none() { #expect(matcher.evidence(outlet: nil) == nil) }
}
