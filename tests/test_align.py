"""The aligner's fast path agrees with its slow reference; passages are well-formed."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import LEXICAL
from unspin import Span
from unspin.align import (
    AlignmentResult,
    align_prepared,
    attributed,
    lexical_matrix,
    lexical_matrix_reference,
)
from unspin.align.passages import cluster_passes
from unspin.align.scores import hashed_features
from unspin.config import DEFAULT_CONFIG, Config
from unspin.embed import HashingEmbedder
from unspin.fingerprint import FEATURE_SPACE, char_ngrams, feature_id, stem_weights, unit_features
from unspin.prepared import counted_rows, normalized_rows, prepare
from unspin.text import make_document
from unspin.text.normalize import normalize, tokenize
from unspin.verdict import merge_spans

WORDS = (
    "trump korea peace talks summit war ukraine leader president nuclear button fury deal "
    "market river flood council homes rain road train storm the a of and to in with was is "
    "said would not no very new old first last big small quickly"
).split()

sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
text = st.lists(sentence, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(text, text, st.sampled_from([DEFAULT_CONFIG.lexical_weights, (0.3, 0.7)]))
def test_fast_lexical_matrix_equals_reference(a: str, b: str, weights: tuple[float, float]) -> None:
    config = DEFAULT_CONFIG.with_overrides(lexical_weights=weights)
    pa = prepare(make_document("a", a, config))
    pb = prepare(make_document("b", b, config))
    fast, slow = lexical_matrix(pa, pb, config), lexical_matrix_reference(pa, pb, config)
    assert np.allclose(fast, slow, atol=1e-9)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        text, st.text(max_size=200), st.lists(st.sampled_from([*WORDS, "I", "9"])).map(" ".join)
    )
)
def test_unit_features_in_one_pass_equal_the_reference_functions(unit: str) -> None:
    tokens = tokenize(normalize(unit))
    stems, grams = unit_features([t.text for t in tokens])
    want_stems = hashed_features(stem_weights(tokens))
    want_grams = [feature_id(g) for g, n in char_ngrams(tokens).items() for _ in range(n)]
    # the same keys in the same order and the same values: the aligner's sums are unchanged
    assert list(stems.items()) == list(want_stems.items())
    assert sorted(grams) == sorted(want_grams)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(0, FEATURE_SPACE - 1) | st.integers(0, 30), max_size=40), max_size=8
    )
)
def test_counted_rows_equal_the_rows_of_counts(units: list[list[int]]) -> None:
    """The n-gram matrix counted at once is, value for value, the one made row by row."""
    counted = counted_rows([len(u) for u in units], [k for u in units for k in u])
    counts = [{k: float(n) for k, n in Counter(u).items()} for u in units]
    rows = normalized_rows(counts)
    assert counted.shape == rows.shape
    assert counted.indptr.tolist() == rows.indptr.tolist()
    assert counted.indices.tolist() == rows.indices.tolist()
    assert counted.data.tolist() == rows.data.tolist()


@settings(max_examples=40, deadline=None)
@given(text, text, st.booleans())
def test_fast_alignment_equals_reference(a: str, b: str, share: bool) -> None:
    if share:  # make sure some pairs align: b reuses a's sentences among its own
        b = a + " " + b
    config = DEFAULT_CONFIG
    embedder = HashingEmbedder()
    pa = prepare(make_document("a", a, config))
    pb = prepare(make_document("b", b, config))
    fast = align_prepared(pa, pb, config, embedder)
    slow = align_prepared(pa, pb, config, embedder, reference=True)
    assert fast.pairs == slow.pairs
    assert [(p.a, p.b, p.kind) for p in fast.passages] == [
        (p.a, p.b, p.kind) for p in slow.passages
    ]
    for p in fast.passages:
        assert 0 <= p.a.start < p.a.end <= len(a)
        assert 0 <= p.b.start < p.b.end <= len(b)
        for m in p.matches:
            assert p.a.start <= m.a.start and m.a.end <= p.a.end
            assert p.b.start <= m.b.start and m.b.end <= p.b.end


def test_verbatim_copy_aligns_completely() -> None:
    a = (
        "The river rose above its banks on Tuesday. Crews evacuated three hundred homes. "
        "Trains between the two towns were suspended after a landslip."
    )
    pa = prepare(make_document("a", a, DEFAULT_CONFIG))
    pb = prepare(make_document("b", "Breaking news.\n\n" + a, DEFAULT_CONFIG))
    result = align_prepared(pa, pb, DEFAULT_CONFIG, None)
    assert len(result.passages) == 1
    (p,) = result.passages
    assert p.kind == "verbatim"
    assert p.a.of(a) == a


# a source of twenty sentences and a summary of five that condenses sentences from all over it,
# in its own order
FLOOD_SOURCE = (
    "The river flooded the old market town on Tuesday after three days of heavy rain. "
    "Shopkeepers carried their goods to the upper floors as the water rose through the streets. "
    "Volunteers from nearby villages arrived with boats and sandbags before nightfall. "
    "The council opened the school hall as a shelter for families who lost their homes. "
    "More than two hundred people spent the night there on camp beds and blankets. "
    "The railway line to the city was closed when a bridge embankment gave way. "
    "Engineers said the repairs would take at least a fortnight to complete. "
    "Farmers in the valley reported that whole fields of winter wheat were under water. "
    "Insurance companies sent assessors to the town centre on Thursday morning. "
    "The mayor promised that a new flood barrier would be built before next winter. "
    "Residents said they had heard such promises after the last flood ten years ago. "
    "The weather service expects drier conditions to return by the end of the week. "
    "Local churches collected clothes and food for the people staying in the hall. "
    "A charity concert is planned for next month to raise money for repairs. "
    "Children from the primary school wrote letters to thank the volunteers. "
    "The army was not called in, although soldiers were on standby in the barracks. "
    "Several historic buildings in the square will need to be surveyed for damage. "
    "The museum moved its collection of paintings to a warehouse outside town. "
    "Traders fear that the summer tourist season will be lost this year."
)
FLOOD_SUMMARY = (
    "Traders fear this year's summer tourist season will be lost. "
    "The mayor promised a new flood barrier before next winter, "
    "but residents had heard such promises before. "
    "After three days of heavy rain, the river flooded the market town on Tuesday. "
    "Whole fields of winter wheat in the valley were under water, farmers reported. "
    "The council turned the school hall into a shelter for families who lost their homes."
)


SEARCH = LEXICAL.for_search()  # the weaker evidence a ranked search keeps


def _summary_alignment(summary: str, config: Config = LEXICAL) -> AlignmentResult:
    """``summary`` aligned against FLOOD_SOURCE, asserted to be one passage over both."""
    pa = prepare(make_document("summary", summary, config))
    pb = prepare(make_document("source", FLOOD_SOURCE, config))
    result = align_prepared(pa, pb, config, None)
    assert [(p.a.start, p.a.end, p.b.start, p.b.end) for p in result.passages] == [
        (0, len(summary), 0, len(FLOOD_SOURCE))
    ]
    return result


def test_summary_reads_as_one_passage_over_the_whole_source() -> None:
    result = _summary_alignment(FLOOD_SUMMARY)
    # every summary sentence is matched, each to where it came from in the source
    assert sorted({i for i, _ in result.pairs}) == [0, 1, 2, 3, 4]


def test_stray_heading_match_does_not_make_a_copy_a_summary() -> None:
    """A copied paragraph plus one short heading of the source matched far away stays a copy
    of the paragraph: the summary reading needs substantial parts."""
    config = LEXICAL
    reworded = (
        "The railway line to the city closed after an embankment near the bridge gave way. "
        "According to engineers, the repair work would need a fortnight at least. "
        "In the valley, farmers said entire fields of winter wheat were flooded."
    )
    a = "Flooded market town. " + reworded
    b = FLOOD_SOURCE + " Flooded market town."
    result = align_prepared(
        prepare(make_document("a", a, config)), prepare(make_document("b", b, config)), config, None
    )
    assert len(result.passages) == 1
    passage = result.passages[0]
    assert len(passage.b) < 2 * len(passage.a)


def test_pasted_copy_is_cut_to_its_exact_run() -> None:
    """A verbatim copy is reported with exact edges, however the sentence units around it
    fall; in a copy-and-paste pair, a shorter shared sentence elsewhere is not reuse."""
    config = LEXICAL
    pasted = ". ".join(FLOOD_SOURCE.split(". ")[:4]) + "."
    shared = (
        "Several historic buildings in the square will need to be surveyed for damage by "
        "the county architects before the owners can return to them next spring."
    )
    a = (
        "Readers wrote to us all week about the storm and the damage in the hills, and "
        f"Tuesday's flood downstream {pasted} Our own reporter, who was there on the day, "
        "adds more below. "
        "She spoke to the baker, whose oven was ruined. The school reopens on Monday. "
        "Buses replace the trains until the line is repaired. Parking is free in the "
        f"upper town this week. {shared} "
        "The paper will follow the story."
    )
    b = (
        "Storm report, first edition, with pictures. Last week we wrote that "
        f"{pasted} Elsewhere in the county, several roads were closed for the whole weekend. "
        "The hospital asked visitors to stay away. Two bridges were inspected by divers. "
        "The fire brigade pumped out cellars all night. A lorry was stuck on the bypass. "
        f"{shared} "
        "Next week: the cost of the clean-up."
    )
    result = align_prepared(
        prepare(make_document("a", a, config)), prepare(make_document("b", b, config)), config, None
    )
    assert [(p.a.of(a), p.b.of(b)) for p in result.passages] == [(pasted, pasted)]
    assert result.passages[0].kind == "verbatim"


EXTRACTIVE_SUMMARY = (
    "After three days of heavy rain, the river flooded the market town on Tuesday. "
    "The council turned the school hall into a shelter for families who lost their homes. "
    "Traders fear this year's summer tourist season will be lost. "
    "The mayor promised that a new flood barrier would be built before next winter. "
    "Residents said they had heard such promises after the last flood ten years ago."
)


def test_summary_keeping_two_sentences_verbatim_is_still_a_summary() -> None:
    """An extractive summary keeps a sentence or two word for word: that short verbatim
    stretch must not make the pair read as copy-and-paste pieces."""
    _summary_alignment(EXTRACTIVE_SUMMARY)
    # were two pasted sentences enough to rule the summary reading out, the verbatim
    # stretch would stand apart as its own passage
    strict = LEXICAL.with_overrides(summary_block_matches=2)
    pa = prepare(make_document("summary", EXTRACTIVE_SUMMARY, strict))
    pb = prepare(make_document("source", FLOOD_SOURCE, strict))
    pieces = align_prepared(pa, pb, strict, None).passages
    assert [(p.a.of(EXTRACTIVE_SUMMARY), p.kind) for p in pieces][1:] == [
        (EXTRACTIVE_SUMMARY[224:], "verbatim")
    ]


def test_source_sentence_compressed_into_the_last_one_joins_the_passage() -> None:
    """A rewriter folds two source sentences into one: the second shares too few words with
    the long merged sentence to be matched, but most of its words are there, so the passage's
    source side reaches its end; a following sentence whose words are not there stays out."""
    config = LEXICAL
    a = (
        "Our correspondent sends this account from the valley. "
        "The council made the school hall a shelter for families whose homes were lost. "
        "Over two hundred people slept there that night on blankets and camp beds. "
        "When an embankment by the bridge gave way, the rail line to the city was closed. "
        "Engineers said that the repairs to the embankment and to the line would take at "
        "least a fortnight to complete, and that whole valley fields lie under water. "
        "Now for the weather and the sport."
    )
    wheat = "Farmers in the valley reported that whole fields of winter wheat were under water."
    pa = prepare(make_document("a", a, config))
    pb = prepare(make_document("b", FLOOD_SOURCE, config))
    (passage,) = align_prepared(pa, pb, config, None).passages
    assert passage.b.of(FLOOD_SOURCE).endswith(wheat)
    off = config.with_overrides(edge_containment=0.0)
    (short,) = align_prepared(pa, pb, off, None).passages
    assert short.b.of(FLOOD_SOURCE).endswith("at least a fortnight to complete.")


class _CountingEmbedder(HashingEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.texts = 0

    def encode(self, texts):  # type: ignore[no-untyped-def]
        self.texts += len(texts)
        return super().encode(texts)


def test_model_is_consulted_only_where_the_words_are_not_enough() -> None:
    """A copy the words settle, and a pair with nothing in common, embed nothing; a pair
    whose words found a convincing match but no passage is read again with the model."""
    config = DEFAULT_CONFIG
    source = prepare(make_document("source", FLOOD_SOURCE, config))

    def embedded(text: str, cfg: Config = config) -> int:
        embedder = _CountingEmbedder()
        align_prepared(prepare(make_document("a", text, cfg)), source, cfg, embedder)
        return embedder.texts

    copy = ". ".join(FLOOD_SOURCE.split(". ")[:6]) + "."
    assert embedded(copy) == 0
    assert embedded("Quarterly revenue at the chip maker beat forecasts. " * 3) == 0
    # one short shared sentence (under the 150-character minimum) amid unrelated text
    lone = (
        "Chip makers reported strong quarterly revenue on Monday. "
        "The river flooded the old market town on Tuesday after three days of heavy rain. "
        "Analysts expect the memory market to tighten before the end of the year. "
        "Engineers warned that repairs to the damaged embankment could take weeks."
    )
    assert embedded(lone) > 0
    # a reworded copy that the words find: the model only when asked to look everywhere
    reworded = (
        "The railway line to the city closed after an embankment near the bridge gave way. "
        "According to engineers, the repair work would need a fortnight at least. "
        "In the valley, farmers said entire fields of winter wheat were flooded."
    )
    assert embedded(reworded) == 0
    assert embedded(reworded, config.with_overrides(model_everywhere=True)) > 0


class _SameMeaningEmbedder:
    """A model that finds every sentence to mean the same: only the words can object."""

    model_id = "same-meaning"

    def encode(self, texts):  # type: ignore[no-untyped-def]
        return np.ones((len(texts), 8), dtype=np.float32) / np.sqrt(8)


def test_a_same_length_passage_must_share_some_wording() -> None:
    """Two reports of one flood by two writers share a few names, not a fifth of their
    words; however close the model finds them, they are not a reworded copy."""
    a = (
        "Heavy rain flooded the market town of Ellery on Tuesday night. "
        "Volunteers carried sandbags from the church hall to the riverbank. "
        "The mayor said the council would pay for repairs to damaged homes. "
        "Trains between Ellery and the coast stopped until the line dried out."
    )
    b = (
        "Storm water swamped Ellery's shops as the river burst its banks overnight. "
        "Neighbours hauled sandbags along the lanes, working past midnight. "
        "Money for ruined houses will come from the council, its leader promised. "
        "Coast trains were suspended while engineers inspected the line."
    )
    config = DEFAULT_CONFIG.with_overrides(model_everywhere=True)
    pa, pb = (prepare(make_document(n, t, config)) for n, t in (("a", a), ("b", b)))
    assert align_prepared(pa, pb, config, _SameMeaningEmbedder()).passages == []
    loose = config.with_overrides(paraphrase_similarity=0.0)
    (passage,) = align_prepared(pa, pb, loose, _SameMeaningEmbedder()).passages
    assert passage.similarity < config.paraphrase_similarity


PUMPS = (
    "The Kestrel Valley cooperative installed forty solar pumps along the Marren canal in March. "
    "Engineers from Tallinn calibrated each pump to lift groundwater for barley and flax terraces. "
    "Farmers reported that the diesel generators, noisy and expensive, were finally dismantled. "
    "A hydrologist warned that the aquifer beneath Osterby could sink if pumping doubled. "
    "The cooperative's treasurer promised quarterly audits of every meter and valve."
)


def _randomly_obfuscated(text: str, seed: int) -> str:
    """PAN's random obfuscation in miniature: each sentence's words shuffled, a fifth of
    them dropped, most of the rest swapped for filler words, one filler word inserted."""
    rng = random.Random(seed)
    filler = ["matter", "place", "way", "thing", "people", "part", "work", "time", "good", "many"]
    out = []
    for sentence in text.split(". "):
        words = sentence.rstrip(".").split()
        rng.shuffle(words)
        kept = [
            rng.choice(filler) if rng.random() < 0.6 else w for w in words if rng.random() > 0.2
        ]
        kept.insert(rng.randrange(len(kept) + 1), rng.choice(filler))
        out.append(" ".join(kept).capitalize() + ".")
    return " ".join(out)


def test_a_copy_with_its_words_shuffled_is_kept_by_the_rare_words_it_shares() -> None:
    """Word order and most words gone, the rare ones (names, technical terms) left: the
    ordinary rules turn the passage down (its in-order similarity and mean score are low);
    the rescue keeps it. A report on the same topic by another writer is not rescued."""
    copy = _randomly_obfuscated(PUMPS, 4)
    pa = prepare(make_document("copy", copy, LEXICAL))
    pb = prepare(make_document("source", PUMPS, LEXICAL))
    assert align_prepared(pa, pb, LEXICAL.with_overrides(rescue_weight=0), None).passages == []
    (passage,) = align_prepared(pa, pb, LEXICAL, None).passages
    assert passage.similarity < LEXICAL.paraphrase_similarity
    assert passage.score < LEXICAL.passage_score
    assert len(passage.a) > 0.8 * len(copy) and len(passage.b) > 0.7 * len(PUMPS)
    other = (
        "Solar pumps are spreading among farming cooperatives in dry valleys. "
        "A pump driven by panels costs more to buy than one driven by diesel. "
        "Over ten years, farmers say, the saving on fuel pays for the panels twice. "
        "Hydrologists worry that cheap pumping empties aquifers faster than rain refills them."
    )
    po = prepare(make_document("other", other, LEXICAL))
    assert align_prepared(po, pb, LEXICAL, None).passages == []


def test_one_lightly_reworded_sentence_is_kept_though_shorter_than_a_passage() -> None:
    """A single sentence (under ``min_passage_chars``) lifted into another text with a few
    words changed keeps its wording in order: kept by a search. The same facts in another
    writer's sentence of the same length share a few words only: not kept. A verdict on
    the pair alone keeps neither (short passages are a search's weaker evidence)."""
    source = (
        "The harbour commission met on Tuesday to review the budget. "
        "Engineers from Tallinn calibrated each pump to lift groundwater for the barley terraces. "
        "Members then argued about parking fees until late in the evening."
    )
    lifted = "Engineers from Tallinn tuned every pump to lift groundwater for the barley terraces."
    host = (
        "Our village newsletter covers the spring fair and the new library hours. "
        + lifted
        + " The choir will sing on Sunday at the old chapel near the bridge."
    )
    pa = prepare(make_document("host", host, LEXICAL))
    pb = prepare(make_document("source", source, LEXICAL))
    assert len(lifted) < LEXICAL.min_passage_chars
    (passage,) = align_prepared(pa, pb, SEARCH, None).passages
    assert passage.a.of(host).strip(" .") in lifted
    assert passage.similarity >= SEARCH.short_similarity
    assert align_prepared(pa, pb, LEXICAL, None).passages == []
    retold = "Tallinn's engineers set up pumps so that the barley fields could draw on water below."
    po = prepare(make_document("retold", host.replace(lifted, retold), LEXICAL))
    assert align_prepared(po, pb, SEARCH, None).passages == []


def test_a_search_keeps_weaker_evidence_than_a_verdict_on_one_pair() -> None:
    """``for_search`` lowers exactly the floors it names, and is idempotent."""
    pair = DEFAULT_CONFIG
    search = pair.for_search()
    assert search.passage_score < pair.passage_score
    # the short-passage rules: off for a pair (as long, as similar as the ordinary ones)
    assert pair.short_passage_chars == pair.min_passage_chars
    assert pair.lone_short_similarity == pair.short_similarity
    assert search.short_passage_chars < search.min_passage_chars
    assert search.lone_short_similarity < search.short_similarity
    assert search.for_search() == search
    back = search.with_overrides(
        passage_score=pair.passage_score,
        short_passage_chars=pair.short_passage_chars,
        lone_short_similarity=pair.lone_short_similarity,
    )
    assert back == pair


def test_a_reworded_passage_of_middling_score_is_a_search_hit_not_a_pair_verdict() -> None:
    """Mean match score 0.47, token similarity 0.25: a search keeps it (ranked against
    other hits, shown with its evidence); a verdict on the pair alone does not."""
    cluster = [(0, 0), (1, 1), (2, 2)]
    spans = (Span(0, 500), Span(0, 520))
    assert SEARCH.passage_score < 0.47 < LEXICAL.passage_score
    assert cluster_passes(SEARCH, cluster, spans, 150, 0.47, 0.25, 2, True)
    assert not cluster_passes(LEXICAL, cluster, spans, 150, 0.47, 0.25, 2, True)


# a flood report, a chess report, and a text stitched from them: the flood report's first
# four and last three sentences reworded, with the chess report pasted in between
FLOOD = (
    "Heavy rain flooded the river town of Kelso on Tuesday night, forcing two hundred families "
    "from their homes. The Tweed rose four metres above its normal level within six hours, the "
    "Environment Agency said. Council workers stacked sandbags along Bridge Street while "
    "volunteers carried elderly residents to the parish hall. Insurers estimate the damage at "
    "more than twelve million pounds across the Borders region. A spokesman for the rail "
    "operator said the line to Berwick would stay closed until Friday. Farmers upstream "
    "reported losing sheep and winter feed to the torrent overnight. The first minister "
    "promised emergency grants for every household forced to leave. Forecasters warned that a "
    "second storm could reach the valley by the weekend."
)
CHESS = (
    "The Norwegian grandmaster Magnus Carlsen won the rapid chess championship in Samarkand "
    "after a tense playoff. He beat the young Indian prodigy Gukesh with the black pieces in a "
    "sharp Sicilian endgame. Organisers said the event drew a record audience of viewers "
    "streaming the games online."
)
STITCHED = (
    "Torrential rain flooded the river town of Kelso on Tuesday evening, forcing two hundred "
    "families out of their homes. The Tweed climbed four metres above its usual level inside "
    "six hours, the Environment Agency said. Council staff piled sandbags along Bridge Street "
    "as volunteers carried elderly residents to the parish hall. Insurers put the damage at "
    "over twelve million pounds across the Borders region. " + CHESS + " Farmers upstream "
    "reported losing sheep and winter fodder to the torrent during the night. The first "
    "minister pledged emergency grants for each household forced to leave. Forecasters "
    "cautioned that a second storm could hit the valley by the weekend."
)


def test_a_lone_short_sentence_needs_less_of_its_wording_than_one_beside_a_passage() -> None:
    """In a search, a pair whose only evidence is one short reworded sentence (70
    characters, 57% of its words in order) keeps it; the ordinary short rule (80
    characters, 60%) does not, and does not either where the pair has other passages (a
    fragment beside a case). A verdict on the pair alone does not keep it."""
    source = (
        "The orchestra played its final concert of the season. Tickets sold out within an "
        "hour of going on sale. The conductor thanked the audience and the volunteers. "
        "The council quietly approved the library's expansion budget on Tuesday night. "
        "The hall shuts for repairs in the spring. Members of the choir met for a dinner."
    )
    lifted = "The council silently passed library's growth budget on tuesday evening."
    host = (
        "Rain fell across the northern valleys for most of the week. Farmers said the "
        f"harvest would start late this year. {lifted} Stalls at the market sold fresh apples "
        "and pears. A new bridge over the river opened to traffic in May."
    )
    pa = prepare(make_document("host", host, LEXICAL))
    pb = prepare(make_document("source", source, LEXICAL))
    assert SEARCH.lone_short_chars <= len(lifted) < SEARCH.short_passage_chars
    (passage,) = align_prepared(pa, pb, SEARCH, None).passages
    assert passage.a.of(host) == lifted
    assert SEARCH.lone_short_similarity <= passage.similarity < SEARCH.short_similarity
    off = SEARCH.with_overrides(lone_short_similarity=SEARCH.short_similarity)
    assert align_prepared(pa, pb, off, None).passages == []
    assert align_prepared(pa, pb, LEXICAL, None).passages == []
    # beside a reworded passage, the short sentence is not a passage of its own
    reworded, original = (" ".join(t.split(". ")[:4]) + "." for t in (STITCHED, FLOOD))
    filler = (
        "Our cat sleeps on the sofa. My cousin plays the violin. Snow is rare in Lisbon. "
        "Bees like lavender. Chess clubs meet on Thursdays."
    )
    pw = prepare(make_document("host", f"{host} {filler} {reworded}", LEXICAL))
    pv = prepare(make_document("source", f"{original} {source}", LEXICAL))
    passages = align_prepared(pw, pv, SEARCH, None).passages
    assert passages and all(not p.a.overlaps(passage.a) for p in passages)
    everywhere = SEARCH.with_overrides(
        short_passage_chars=SEARCH.lone_short_chars,
        short_similarity=SEARCH.lone_short_similarity,
    )
    passages = align_prepared(pw, pv, everywhere, None).passages
    assert any(p.a.overlaps(passage.a) for p in passages)  # the looser rule everywhere


def test_a_passage_is_split_where_another_source_explains_the_stretch_it_bridges() -> None:
    config = SEARCH  # attribution is a search's: it weighs one source against another
    query = prepare(make_document("q", STITCHED, config))
    flood = prepare(make_document("flood", FLOOD, config))
    chess = prepare(make_document("chess", CHESS, config))
    bridged = align_prepared(query, flood, config, None).passages
    start = STITCHED.index(CHESS)
    end = start + len(CHESS)
    # the aligner bridges the pasted paragraph: four units in the query, one in the source
    assert len(bridged) == 1 and bridged[0].a.start < start and bridged[0].a.end > end
    evidence = merge_spans(
        [m.a for p in align_prepared(query, chess, config, None).passages for m in p.matches]
    )
    split = attributed(query, flood, bridged, evidence, config)
    assert len(split) == 2
    assert split[0].a.end <= start and split[1].a.start >= end
    # the source's skipped sentence (the rail line) is in neither piece
    rail = FLOOD.index("A spokesman")
    assert split[0].b.end <= rail and split[1].b.start > rail
    for piece in split:
        assert piece.kind == "near-verbatim" and set(piece.matches) <= set(bridged[0].matches)
    # without another source's evidence there, or with too little of it, nothing is split
    assert attributed(query, flood, bridged, [], config) == list(bridged)
    assert attributed(query, flood, bridged, [Span(start, start + 60)], config) == list(bridged)


sentences = st.lists(sentence, min_size=4, max_size=10)


@settings(max_examples=100, deadline=None)
@given(
    sentences,
    st.lists(st.tuples(st.integers(1, 9), sentence), max_size=4),
    st.lists(st.tuples(st.integers(0, 900), st.integers(1, 400)), max_size=4),
    st.sampled_from([20, 60, 100]),
)
def test_attributed_pieces_lie_inside_their_passage(
    base: list[str], inserts: list[tuple[int, str]], raw: list[tuple[int, int]], gap: int
) -> None:
    config = SEARCH.with_overrides(attribution_gap=gap)
    # a is b with sentences of its own inserted: its passages bridge them
    stitched = list(base)
    for at, extra in sorted(inserts, reverse=True):
        stitched.insert(min(at, len(stitched)), extra)
    a, b = " ".join(stitched), " ".join(base)
    pa = prepare(make_document("a", a, config))
    pb = prepare(make_document("b", b, config))
    passages = align_prepared(pa, pb, config, None).passages
    elsewhere = merge_spans([Span(s, min(s + n, len(a))) for s, n in raw if s < len(a)])
    assert attributed(pa, pb, passages, [], config) == list(passages)
    for whole in passages:
        pieces = attributed(pa, pb, [whole], elsewhere, config)
        if pieces == [whole]:
            continue
        for piece in pieces:
            # inside the passage's spans, made of its matches, not too short
            assert set(piece.matches) <= set(whole.matches)
            assert whole.a.start <= piece.a.start < piece.a.end <= whole.a.end
            assert whole.b.start <= piece.b.start < piece.b.end <= whole.b.end
            assert min(len(piece.a), len(piece.b)) >= config.short_passage_chars
            assert 0.0 <= piece.similarity <= 1.0
        # in order in a, cut apart by at least the gap
        for first, second in itertools.pairwise(pieces):
            assert second.a.start - first.a.end >= gap


def test_a_passage_is_not_stretched_to_a_stray_match_far_off_in_b() -> None:
    """Two reworded sentences and a third reworded from a sentence 7,000 characters further
    on: a few sentences do not summarise all that lies between (``summary_max_ratio``), so
    the passage is the paragraph, not the whole source."""
    rng = random.Random(3)
    nouns = "orchard copper lantern meadow violin harbor glacier pepper saddle thunder".split()
    verbs = "painted measured carried polished borrowed repaired counted folded".split()
    filler = " ".join(
        f"The {rng.choice(nouns)} {rng.choice(verbs)} a {rng.choice(nouns)} near the "
        f"{rng.choice(nouns)} and the {rng.choice(nouns)}."
        for _ in range(120)
    )
    para = (
        "The railway line to the city was closed after an embankment near the old bridge gave "
        "way. Engineers said the repair work would take at least two weeks. "
    )
    far = "Insurance assessors arrived from the capital to estimate the damage to the warehouses."
    b = para + filler + " " + far
    a = (
        "The railway line to the city closed after an embankment near the bridge collapsed. "
        "According to engineers, the repairs would need a fortnight at least. "
        "Assessors from insurance firms came from the capital to estimate damage to warehouses."
    )
    for max_ratio, stretched in ((1e9, True), (LEXICAL.summary_max_ratio, False)):
        config = replace(LEXICAL, summary_max_ratio=max_ratio)
        result = align_prepared(
            prepare(make_document("a", a, config)),
            prepare(make_document("b", b, config)),
            config,
            None,
        )
        assert result.passages
        assert (max(p.b.end for p in result.passages) > len(para) + 1000) is stretched
