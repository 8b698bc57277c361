@testable import Cluster
import Testing
import WiretraceCore

@Suite struct ClustererTests {
    /// A copy with a house header and footer, a trimmed copy, a rewrite keeping some sentences,
    /// and two unrelated stories.
    @Test func copiesTrimsAndRewritesJoinTheirStoryOnly() throws {
        let story = SyntheticText.words(seed: 1, count: 240)
        let copy = "WATCH LIVE HERE " + SyntheticText.text(story) + " Have a news tip? Email us."
        let trimmed = SyntheticText.text(Array(story.prefix(90)))
        let rewrite = SyntheticText.text(
            SyntheticText.words(seed: 50, count: 40) + story[20..<60] + SyntheticText.words(seed: 51, count: 30)
                + story[120..<150] + SyntheticText.words(seed: 52, count: 20))
        let texts = [SyntheticText.text(story), copy, trimmed, rewrite, SyntheticText.story(2), SyntheticText.story(3)]
        let c = try ClusterHarness(texts).run()
        #expect(c.together(0, 1) && c.together(0, 2) && c.together(0, 3))
        #expect(!c.together(0, 4) && !c.together(0, 5) && !c.together(4, 5))
        #expect(c.roles[4] == .unique)
        #expect(c.roles[1] == .copy || c.roles[1] == .root)
        #expect(c.roles[3] == .rewrite)
    }

    /// Same words, no shared passages: a different story on the same topic.
    @Test func aSameTopicStoryStaysApart() throws {
        let a = SyntheticText.words(seed: 1, count: 240, vocabulary: 300)
        let b = SyntheticText.words(seed: 2, count: 240, vocabulary: 300)
        let c = try ClusterHarness([SyntheticText.text(a), SyntheticText.text(b)]).run()
        #expect(!c.together(0, 1))
    }

    /// Two stories sharing only a background paragraph (a small share of both) are two stories.
    @Test func aSharedBackgroundParagraphIsNotEnough() throws {
        let background = SyntheticText.words(seed: 9, count: 40)
        let a = SyntheticText.words(seed: 1, count: 200) + background
        let b = SyntheticText.words(seed: 2, count: 200) + background
        let c = try ClusterHarness([SyntheticText.text(a), SyntheticText.text(b)]).run()
        #expect(!c.together(0, 1))
    }

    /// A digest page quoting the leads of three stories joins at most one of them, whatever the
    /// input order, and never chains the stories together.
    @Test(arguments: [false, true])
    func aDigestPageDoesNotChainStories(digestFirst: Bool) throws {
        let stories = (1...3).map { SyntheticText.words(seed: UInt64($0), count: 200) }
        let digest = SyntheticText.text(stories.flatMap { $0.prefix(70) })
        var texts = stories.flatMap { [SyntheticText.text($0), "Reprinted: " + SyntheticText.text($0)] }
        if digestFirst { texts.insert(digest, at: 0) } else { texts.append(digest) }
        let d = digestFirst ? 0 : texts.count - 1
        let first = digestFirst ? 1 : 0
        let c = try ClusterHarness(texts).run()
        let storyClusters = Set((0..<3).map { c.clusterIndex[first + 2 * $0] })
        #expect(storyClusters.count == 3)
        for s in 0..<3 { #expect(c.together(first + 2 * s, first + 2 * s + 1)) }
        let joined = (0..<3).filter { c.together(d, first + 2 * $0) }
        #expect(joined.count <= 1)
    }

    /// A roundup of briefs (each a small share of it, none in its lede but the first) joins none of the
    /// briefs it holds in its middle; with the check off it would join one: the test can fail.
    @Test func aRoundupDoesNotJoinTheBriefsInItsMiddle() throws {
        let lead = SyntheticText.words(seed: 1, count: 200)
        let briefs = (2...6).map { SyntheticText.words(seed: UInt64($0), count: 40) }
        let roundup = SyntheticText.text(Array(lead.prefix(64)) + briefs.flatMap { $0 })
        var texts = [SyntheticText.text(lead), roundup]
        texts += briefs.map { SyntheticText.text($0) }
        func middleJoined(_ c: Clustering) -> Bool {
            (0..<briefs.count).contains { c.together(1, 2 + $0) }
        }
        let c = try ClusterHarness(texts).run()
        #expect(!middleJoined(c))
        #expect(Set(c.clusterIndex[2...]).count == briefs.count)
        #expect(c.counter("refused_digest") > 0)
        var off = ClusterConfiguration()
        off.digestShare = 0
        #expect(middleJoined(try ClusterHarness(texts).run(off)))
    }

    /// A long story that others quote in pieces is one story, not a roundup: a copy of the whole
    /// finds both pieces, and each excerpt joins it.
    @Test func excerptsFromTheMiddleOfOneStoryJoinIt() throws {
        let story = SyntheticText.words(seed: 1, count: 320)
        let texts = [
            SyntheticText.text(story), "Reprinted: " + SyntheticText.text(story),
            SyntheticText.text(Array(story[120..<160])), SyntheticText.text(Array(story[240..<280])),
        ]
        let c = try ClusterHarness(texts).run()
        #expect(c.together(0, 1) && c.together(0, 2) && c.together(0, 3))
    }

    /// A newsletter blurb at the end of many unrelated short stories is learned as common text.
    @Test func recurringBoilerplateIsLearnedAndIgnored() throws {
        let blurb =
            "Sign up for our free morning newsletter and get the day's top business stories delivered to "
            + "your inbox every weekday. By signing up you agree to our terms of use and privacy policy. You can "
            + "unsubscribe at any time using the link in any email."
        var texts = (1...12).map { SyntheticText.story(UInt64($0), 60) + " " + blurb }
        texts.append(SyntheticText.story(1, 60) + " Advertisement " + blurb)
        let c = try ClusterHarness(texts).run()
        #expect(c.counter("common_fingerprints") > 0)
        #expect(Set(c.clusterIndex[0..<12]).count == 12)
        #expect(c.together(0, 12))
        #expect(c.roles[1] == .unique)
    }

    /// Stories made only of sentences that each recur in other, unrelated stories: every sentence
    /// is common text and weighs nothing, yet a copy of one such story shares all its words with
    /// it, and joins it; the stories sharing a sentence with it stay apart. (The 30 stories are the
    /// lines of the affine plane over the integers mod 5, the sentences its 25 points: each
    /// sentence is in 6 stories, and two stories share at most one.)
    @Test func aCopyOfAStoryMadeOfRecurringSentencesJoinsIt() throws {
        let sentences = (0..<25).map { SyntheticText.words(seed: UInt64(500 + $0), count: 30) }
        var lines: [[Int]] = (0..<5).flatMap { m in (0..<5).map { c in (0..<5).map { x in 5 * x + (m * x + c) % 5 } } }
        lines += (0..<5).map { x in (0..<5).map { y in 5 * x + y } }
        var texts = lines.map { line in SyntheticText.text(line.flatMap { sentences[$0] }) }
        texts.append("Copy: " + texts[0])
        let c = try ClusterHarness(texts).run()
        #expect(c.counter("common_fingerprints") > 0)
        #expect(c.together(0, texts.count - 1))
        for i in 1..<lines.count { #expect(!c.together(0, i), "story \(i)") }
        #expect(Set(c.clusterIndex[0..<lines.count]).count == lines.count)
    }

    /// A rewrite of a story made only of sentences that recur in many other stories, with words
    /// changed in every sentence, shares only runs that cross from one sentence into the next:
    /// common text, but each run holds a seam, and the rewrite joins the story. The stories that
    /// share a sentence with it stay apart, and so do the stories that share a passage recurring
    /// whole in many of them (a stock statement several sentences long, which has no seam).
    @Test func aRewriteOfAStoryMadeOfRecurringSentencesJoinsIt() throws {
        let sentences = (0..<5).map { SyntheticText.words(seed: UInt64(700 + $0), count: 30) }
        let statement = SyntheticText.words(seed: 710, count: 90)
        var texts = [SyntheticText.text(sentences.flatMap { $0 })]
        // Words 7, 15 and 23 of each sentence changed: the runs left of 8 words or more are the
        // 13 words around each place where one sentence meets the next.
        let rewrite = sentences.enumerated().flatMap { i, sentence in
            sentence.enumerated().map { k, word in [7, 15, 23].contains(k) ? "changed\(i)x\(k)" : word }
        }
        texts.append(SyntheticText.text(rewrite))
        for (i, sentence) in sentences.enumerated() {
            for k in 0..<20 {
                let own = SyntheticText.words(seed: UInt64(1_000 + 20 * i + k), count: 60)
                texts.append(SyntheticText.text(k % 2 == 0 ? own + sentence : sentence + own))
            }
        }
        let withStatement = texts.count
        for k in 0..<12 {
            texts.append(SyntheticText.text(SyntheticText.words(seed: UInt64(2_000 + k), count: 150) + statement))
        }
        // LSH reaching down to the statement's share, so that its stories are verified with each other.
        var configuration = ClusterConfiguration()
        configuration.lshThreshold = 0.15
        let c = try ClusterHarness(texts).run(configuration)
        #expect(c.counter("verified") > 12)
        #expect(c.together(0, 1))
        for i in 2..<texts.count { #expect(!c.together(0, i), "text \(i)") }
        #expect(Set(c.clusterIndex[withStatement...]).count == 12)
    }

    /// Without learning (the threshold out of reach) the same blurb would chain them: the test can fail.
    @Test func withoutLearningTheBlurbWouldChain() throws {
        let blurb = SyntheticText.story(99, 45)
        let texts = (1...12).map { SyntheticText.story(UInt64($0), 60) + " " + blurb }
        var configuration = ClusterConfiguration()
        configuration.commonMinDocuments = 1_000
        let c = try ClusterHarness(texts).run(configuration)
        #expect(Set(c.clusterIndex).count < 12)
        let learned = try ClusterHarness(texts).run()
        #expect(Set(learned.clusterIndex).count == 12)
    }

    /// A story copied many times costs about one verification per copy.
    @Test func manyCopiesStayLinear() throws {
        let story = SyntheticText.story(7, 200)
        let texts = (0..<150).map { "Copy \($0): " + story }
        let c = try ClusterHarness(texts).run()
        #expect(Set(c.clusterIndex).count == 1)
        #expect(c.counter("verified") < 2 * texts.count)
        #expect(c.roles.filter { $0 == .root }.count == 1)
        #expect(c.roles.filter { $0 == .copy }.count == 149)
    }

    /// Recurring templated reports with other figures are different stories; a copy is not. The
    /// same with the facts computed from the texts and with the fact flags stored beside the words.
    @Test(arguments: [false, true])
    func templatedReportsWithOtherFiguresStayApart(stored: Bool) throws {
        let texts = [
            NumberConflictsTests.report("1.5", "6-1/8"), NumberConflictsTests.report("2.5", "6-3/16"),
            "NEW YORK - " + NumberConflictsTests.report("1.5", "6-1/8"),
        ]
        let c = try ClusterHarness(texts).run(stored: stored)
        #expect(!c.together(0, 1))
        #expect(c.together(0, 2))
        #expect(c.counter("refused_number_conflicts") >= 1)
    }

    /// A text published days later that reuses part of a story is a follow-up; the whole story
    /// reprinted days later is still a copy, and the same partial reuse within a day is a rewrite.
    @Test func aFollowUpDaysLaterIsAnotherStoryButALateReprintIsNot() throws {
        let story = SyntheticText.words(seed: 11, count: 200)
        let followUp = SyntheticText.words(seed: 12, count: 160) + story.prefix(70)
        let texts = [
            SyntheticText.text(story), SyntheticText.text(followUp), "Reprinted: " + SyntheticText.text(story),
        ]
        let apart = try ClusterHarness(texts, dates: ["2024-03-01T10:00:00Z", "2024-03-05T10:00:00Z", "2024-03-09"])
            .run()
        #expect(!apart.together(0, 1))
        #expect(apart.together(0, 2))
        #expect(apart.counter("refused_edition_gap") >= 1)
        let sameDay = try ClusterHarness(texts, dates: ["2024-03-01T10:00:00Z", "2024-03-01T16:00:00Z", "2024-03-02"])
            .run()
        #expect(sameDay.together(0, 1))
        var off = ClusterConfiguration()
        off.editionGapDays = 0
        #expect(try ClusterHarness(texts, dates: ["2024-03-01", "2024-03-05", "2024-03-09"]).run(off).together(0, 1))
    }

    /// A recurring report restating one other figure a week later is its next edition; the same
    /// difference within a day may be a correction.
    @Test func oneOtherFigureDaysLaterIsTheNextEdition() throws {
        let texts = [NumberConflictsTests.report("1.5", "6-1/8"), NumberConflictsTests.report("1.5", "6-3/16")]
        #expect(try !ClusterHarness(texts, dates: ["1987-03-02", "1987-03-09"]).run().together(0, 1))
        #expect(
            try ClusterHarness(texts, dates: ["1987-03-02T11:44:00Z", "1987-03-02T15:00:00Z"]).run().together(0, 1))
        #expect(try ClusterHarness(texts).run().together(0, 1))
    }

    /// Roots come from dates; members carry similarity and passages as offsets into both texts.
    @Test func rootsRolesAndPassages() throws {
        let story = SyntheticText.story(3, 150)
        let texts = ["Updated: " + story, story, SyntheticText.story(4)]
        let c = try ClusterHarness(texts, dates: ["2024-01-02", "2024-01-01", "2024-01-03"]).run()
        #expect(c.roles[1] == .root)
        #expect(c.roles[0] == .copy)
        let pair = try #require(c.pairToRoot[0])
        #expect(pair.a == 1 && pair.b == 0)
        let similarity = try #require(c.similarityToRoot[0])
        #expect(similarity > 0.95)
        let p = try #require(pair.passages.first)
        #expect(p.aStart == 0)
        #expect(p.bStart == "Updated: ".unicodeScalars.count)
        #expect(c.similarityToRoot[2] == nil)
        #expect(c.clusters.count == 2)
    }
}

@Suite struct ClustererChainingTests {
    /// An excerpt of one story that also shares two sentences with another story joins its own
    /// story only: pairs weaker than a document's best evidence do not chain stories.
    @Test func anExcerptJoinsTheStoryItComesFrom() throws {
        let s = SyntheticText.words(seed: 1, count: 240)
        let t = SyntheticText.words(seed: 2, count: 240)
        // The excerpt: 60 words of s, then 50 words of t (45% of it, above the containment floor).
        let excerpt = SyntheticText.text(Array(s[0..<60]) + Array(t[100..<150]))
        let texts = [
            SyntheticText.text(s), "Copy: " + SyntheticText.text(s), SyntheticText.text(t),
            "Copy: " + SyntheticText.text(t), excerpt,
        ]
        let c = try ClusterHarness(texts).run()
        #expect(c.together(0, 1) && c.together(2, 3))
        #expect(!c.together(0, 2))
        #expect(c.together(4, 0))
        #expect(c.counter("refused_not_best") + c.counter("refused_multi_story") >= 1)
    }
}

@Suite struct ClustererScaleTests {
    /// A report that recurs daily fills its LSH buckets; two identical copies of a late day's report
    /// still meet, because full buckets keep a rotating sample of recent members.
    @Test func aLateRetransmissionMeetsItsTwinBeyondTheBucketCap() throws {
        var texts = (0..<40).map { day in
            NumberConflictsTests.report("\(day + 1).\(day % 7)", "6-\(day % 5 + 1)/8") + " "
                + SyntheticText.story(7, 30)
        }
        let late = NumberConflictsTests.report("9.9", "7-1/4") + " " + SyntheticText.story(7, 30)
        texts.append(late)
        texts.append(late)
        var configuration = ClusterConfiguration()
        configuration.bucketCap = 8
        let c = try ClusterHarness(texts).run(configuration)
        #expect(c.together(40, 41))
    }
}

@Suite struct ClustererThreadsTests {
    /// Verification runs in parallel blocks replayed in order: more than a block of documents —
    /// stories, their copies and excerpts, copies of copies — clusters the same on 1 and 3 threads,
    /// counters included.
    @Test func threadsDoNotChangeTheOutcome() throws {
        var texts: [String] = []
        for i in 0..<700 {
            let story = UInt64(i % 90)
            switch i % 4 {
            case 0: texts.append(SyntheticText.story(story))
            case 1: texts.append(SyntheticText.story(story) + " " + SyntheticText.story(1000 + UInt64(i), 20))
            case 2: texts.append(SyntheticText.story(story, 100) + " " + SyntheticText.story(2000 + UInt64(i), 120))
            default: texts.append(SyntheticText.story(3000 + UInt64(i), 200))
            }
        }
        let one = try ClusterHarness(texts).run(threads: 1)
        let three = try ClusterHarness(texts).run(threads: 3)
        #expect(one.clusterIndex == three.clusterIndex)
        #expect(one.roles == three.roles)
        #expect(one.similarityToRoot == three.similarityToRoot)
        #expect(one.counters.map(\.0) == three.counters.map(\.0))
        #expect(one.counters.map(\.1) == three.counters.map(\.1))
        #expect(one.counter("verified") > 0)
    }
}

@Suite struct ClustererScreeningTests {
    /// Pairs ruled out from the earlier document's profile are those full verification rejects:
    /// stories, their copies, rewrites sharing several passages (the lede rule), excerpts, short
    /// texts that are nearly all shared, and stories sharing a passage, cluster the same with and
    /// without the screen, counters included — and the screen spares reading the rejected pairs'
    /// words.
    @Test func screeningDoesNotChangeTheOutcome() throws {
        var texts: [String] = []
        // Copies 300 documents apart: more than the verification cache holds.
        for i in 0..<1200 {
            let story = UInt64(i % 300)
            let other = 5000 + UInt64(i)
            switch i / 300 * 2 + i % 2 {
            case 0, 1: texts.append(SyntheticText.story(story))
            case 2: texts.append(SyntheticText.story(story) + " " + SyntheticText.story(other, 30))
            case 3:
                // A rewrite: the lede's words kept in pieces too short to align, three passages of
                // the story among new sentences (too little for the containment rule).
                let words = SyntheticText.words(seed: story, count: 240)
                let new = SyntheticText.words(seed: other, count: 15)
                var rewrite: [String] = []
                for p in 0..<15 { rewrite += words[3 * p..<3 * p + 3] + [new[p]] }
                for p in stride(from: 80, to: 240, by: 55) {
                    rewrite += SyntheticText.words(seed: other &+ UInt64(p), count: 40) + words[p..<p + 10]
                }
                texts.append(SyntheticText.text(rewrite))
            case 4: texts.append(SyntheticText.story(story, 60) + " " + SyntheticText.story(other, 200))
            case 5:
                // A stub nearly all shared, too short for the other rules.
                texts.append(SyntheticText.story(story, 13) + " " + SyntheticText.story(other, 1))
            case 6:
                // Another story sharing one passage with this one.
                let words = SyntheticText.words(seed: story, count: 240)
                texts.append(SyntheticText.text(SyntheticText.words(seed: other, count: 200) + words[100..<125]))
            default: texts.append(SyntheticText.story(other, 200))
            }
        }
        let full = ClusterHarness(texts)
        var screen = ClusterHarness(texts)
        screen.screened = true
        let plain = try full.run()
        let screened = try screen.run()
        #expect(plain.clusterIndex == screened.clusterIndex)
        #expect(plain.roles == screened.roles)
        #expect(plain.similarityToRoot == screened.similarityToRoot)
        #expect(plain.counters.map(\.0) == screened.counters.map(\.0))
        #expect(plain.counters.map(\.1) == screened.counters.map(\.1))
        #expect(plain.counter("accepted") > 100 && plain.counter("accepted_by_lede") > 0)
        // Stubs joined to their stories by the short-text rule.
        #expect(stride(from: 601, to: 900, by: 2).filter { plain.together($0, $0 - 600) }.count > 100)
        #expect(plain.counter("verified") > 2 * plain.counter("accepted"))
        // Words are read once per document for its common text, then for verification.
        let n = texts.count
        #expect(
            screen.reads.count - n < (full.reads.count - n) * 9 / 10, "\(screen.reads.count) vs \(full.reads.count)")
    }
}

@Suite struct ClustererCountersTests {
    /// summary.json has the same counter keys whatever the data: two unrelated stories refuse no
    /// pair as a digest, yet the counter is there, at zero, in its place.
    @Test func everyCounterIsPresentInAFixedOrder() throws {
        let result = try ClusterHarness([SyntheticText.story(1), SyntheticText.story(2)]).run()
        #expect(result.counters.map(\.0) == Counters.stageNames)
        #expect(result.counter("refused_digest") == 0)
    }
}
