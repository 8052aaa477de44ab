"""Quotation detection (``text.quotes``) and the verdicts it and the calibrated decision
(``evidence``) give on the shapes that make two independent texts look alike: (a) the same
quotation, (b) the same names, (c) the same facts, (d) the same topic vocabulary. Every
text here is written for the test."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import LEXICAL
from unspin import REUSE_LABELS
from unspin.pipeline import Comparer
from unspin.text.quotes import find_quotations


def _quoted(text: str) -> list[tuple[str, str]]:
    return [(q.kind, q.span.of(text)) for q in find_quotations(text)]


def test_marks_of_every_convention() -> None:
    text = (
        'He said "we will rebuild the bridge" on Monday. She answered “not this year”. '
        "Il a dit «nous verrons» hier. Er sagte „wir schaffen das“ dann. "
        "‘Never,’ she wrote. 彼は「行きます」と言った。"
    )
    assert _quoted(text) == [
        ("marked", "we will rebuild the bridge"),
        ("marked", "not this year"),
        ("marked", "nous verrons"),
        ("marked", "wir schaffen das"),
        ("marked", "Never,"),
        ("marked", "行きます"),
    ]


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "The players’ union met. It isn’t over, and the ’90s are gone."
    assert _quoted(text) == []


def test_a_quotation_over_paragraphs_and_a_block_quotation() -> None:
    text = (
        '"The first paragraph of a long statement goes here.\n\n'
        '"And the second one ends it," the minister said.\n'
        "> a line quoted from a letter\n"
    )
    assert _quoted(text) == [
        ("marked", "The first paragraph of a long statement goes here."),
        ("marked", "And the second one ends it,"),
        ("block", "a line quoted from a letter"),
    ]


def test_reported_speech_with_an_attribution() -> None:
    text = "Prices will keep rising well into next year, the central bank said on Tuesday."
    assert _quoted(text) == [("attributed", "Prices will keep rising well into next year")]
    text = "The deal is off for now, according to two officials. Talks resume soon."
    assert _quoted(text) == [("attributed", "The deal is off for now")]


_PIECES = st.lists(
    st.sampled_from(
        ['"', "“", "”", "‘", "’", "«", "»", "„", "\n", "\n\n", "> ", ", he said.", " ", "word", "."]
    )
    | st.text(max_size=8),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(_PIECES)
def test_spans_are_the_texts_own_characters(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = find_quotations(text)
    previous_end = 0
    for q in found:
        assert 0 <= q.span.start < q.span.end <= len(text)
        assert q.span.start >= previous_end  # sorted, none overlapping
        quoted = q.span.of(text)
        assert quoted == text[q.span.start : q.span.end]
        assert quoted.strip() == quoted  # trimmed to its words
        previous_end = q.span.end


# (a) two reports of one speech by different writers: the long quotation is the same
SPEECH = (
    '"We will not rest until every family that lost a home in the floods has a roof over '
    'its head again, and we will pay for it from the reserve fund," the governor said.'
)
REPORT_1 = (
    "The governor visited the flooded districts along the Avon on Friday and met residents "
    "in a school gym that now serves as a shelter. " + SPEECH + " Engineers expect the "
    "levee repairs to take most of the winter, and several roads remain closed."
)
REPORT_2 = (
    "Standing in front of a line of sandbags, the state's chief executive spoke for ten "
    "minutes to a crowd of volunteers. " + SPEECH + " Farmers upstream are still counting "
    "lost cattle, and the insurance claims office opened extra desks this week."
)


def test_a_shared_quotation_is_shown_but_is_no_reuse() -> None:
    comparer = Comparer(LEXICAL)
    result = comparer.compare(REPORT_1, REPORT_2)
    assert [p.kind for p in result.passages] == ["shared-quotation"]
    assert result.verdict.label not in REUSE_LABELS
    assert result.verdict.quotations == 1
    assert result.verdict.coverage_a == 0.0
    assert "quotation" in result.verdict.summary
    # counted on request (Turnitin's "include quotes")
    counted = Comparer(LEXICAL.with_overrides(count_quotations=True))
    assert counted.compare(REPORT_1, REPORT_2).verdict.label in REUSE_LABELS


# (b) the same names: one sentence lists leaders at a summit, another sentence names them too
NAMES_1 = (
    "Emmanuel Macron, Olaf Scholz, Giorgia Meloni and Pedro Sanchez arrived in Granada on "
    "Thursday for the summit. The talks were expected to focus on migration and energy prices. "
    "Hotels in the old town were fully booked."
)
NAMES_2 = (
    "Security was tight as the motorcade carrying Pedro Sanchez, Giorgia Meloni, Olaf Scholz "
    "and Emmanuel Macron crossed the river. Protesters gathered near the cathedral. "
    "Local shops closed early."
)
# (c) the same facts, each writer's own words
FACTS_1 = (
    "Rovers sacked their coach Marco Bellini on Sunday after five straight defeats. The club "
    "will pay him 2.4 million euros in compensation. Youth coach Tomas Keller takes over."
)
FACTS_2 = (
    "After losing five games in a row, Rovers parted ways with Marco Bellini, who leaves "
    "with a 2.4 million euro payoff. Tomas Keller, in charge of the academy, steps up."
)
# (d) the same topic vocabulary: two answers to one question on information retrieval
TOPIC_1 = (
    "In the vector space model every document becomes a vector of tf-idf weights, and a "
    "query is ranked against it by cosine similarity. PageRank adds a measure of authority "
    "from the link graph, so a page many others point to ranks higher."
)
TOPIC_2 = (
    "Search engines score pages by combining content relevance with link analysis. Content "
    "relevance can use tf-idf term weights in a vector space, while PageRank treats links as "
    "votes and gives more weight to pages that important pages link to."
)


def test_shapes_of_independent_texts_are_not_reuse() -> None:
    comparer = Comparer(LEXICAL)
    for a, b in ((NAMES_1, NAMES_2), (FACTS_1, FACTS_2), (TOPIC_1, TOPIC_2)):
        verdict = comparer.compare(a, b).verdict
        assert verdict.label not in REUSE_LABELS, (verdict.label, verdict.summary, a[:40])
        assert verdict.confidence < 0.5


def test_a_copy_with_light_edits_is_still_reuse_with_high_confidence() -> None:
    comparer = Comparer(LEXICAL)
    copy = REPORT_1.replace("Friday", "Saturday").replace("most of the winter", "the winter")
    verdict = comparer.compare(REPORT_1, copy).verdict
    assert verdict.label in REUSE_LABELS and verdict.confidence >= 0.5


def test_separators_and_stray_marks_are_not_quotations() -> None:
    # a breadcrumb's » opens nothing; a mark never closed within its paragraph is stray
    crumbs = "You are here: Braces & Supports » Wrist » Exoform Wrist. Our brace fits well."
    assert _quoted(crumbs) == []
    stray = 'The 12 inch ladle, "hand made. ' + "It is carved from cherry wood and oiled. " * 120
    assert _quoted(stray) == []
    closed = stray + '\n\nShe said "it is fine" later.'
    assert _quoted(closed) == [("marked", "it is fine")]
