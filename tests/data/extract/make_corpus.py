#!/usr/bin/env python3
"""Generate the HTML/WARC test corpus for main-text and date extraction.

Run from anywhere:

    python tests/data/extract/make_corpus.py

It (re)writes, next to this script:

* pages/NN_slug.html  -- 32 hand-written article pages, each encoded as bytes in
  the encoding listed in expected.json (utf-8, windows-1251, iso-8859-1);
* expected.json       -- gold text / title / date / language / encoding per page;
* crawl.warc.gz       -- a small WARC (gzip per record) with warcinfo, request,
  response (html, png, pdf, 404) and metadata records;
* truncated.warc.gz   -- a WARC cut in the middle of its third response record.

Everything is deterministic: no clocks, no random ids (record ids are uuid5 of
fixed names), and gzip members carry mtime 0, so re-running the script
reproduces byte-identical files.

All article texts are original prose written for this corpus; people,
companies, places marked as ".example" sites and events are fictional.
"""

from __future__ import annotations

import html
import json
import re
import struct
import uuid
import zlib
from io import BytesIO
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES_DIR = HERE / "pages"

PAGES: list[dict] = []

_MARKER = re.compile(r"@@(raw)?(\d+)(?:-(\d+))?@@")
_TAG = re.compile(r"<[^>]+>")


def _strip(fragment: str) -> str:
    """Visible text of an inline HTML fragment (tags removed, entities decoded)."""
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def page(
    fname,
    *,
    title,
    date,
    date_where,
    language,
    encoding,
    layout,
    blocks,
    template,
    pfmt="<p>{}</p>",
    hfmt="<h2>{}</h2>",
    ulfmt="<ul>\n{}\n</ul>",
    lifmt="<li>{}</li>",
    sep="\n",
):
    """Register one page.

    blocks: the article body in reading order.  A str is a paragraph given as
    an inline-HTML fragment; ("h", text) is a subheading; ("ul", [items]) is a
    list whose items are inline-HTML fragments.

    template: the complete page; ``@@3@@`` inserts block 3 (1-based) rendered
    with pfmt/hfmt/ulfmt, ``@@2-5@@`` inserts blocks 2..5 joined by ``sep``,
    ``@@raw1@@`` inserts block 1's inner HTML only.  Every block must be
    inserted exactly once.
    """
    PAGES.append(
        dict(
            fname=fname,
            title=title,
            date=date,
            date_where=date_where,
            language=language,
            encoding=encoding,
            layout=layout,
            blocks=blocks,
            template=template,
            pfmt=pfmt,
            hfmt=hfmt,
            ulfmt=ulfmt,
            lifmt=lifmt,
            sep=sep,
        )
    )


def _render_block(p, i, raw=False):
    b = p["blocks"][i - 1]
    if isinstance(b, str):
        return b if raw else p["pfmt"].format(b)
    kind, val = b
    if kind == "h":
        return val if raw else p["hfmt"].format(val)
    if kind == "ul":
        return p["ulfmt"].format("\n".join(p["lifmt"].format(x) for x in val))
    raise ValueError(kind)


def render(p) -> str:
    used: list[int] = []

    def repl(m):
        raw, a, b = m.group(1), int(m.group(2)), m.group(3)
        idx = list(range(a, int(b) + 1)) if b else [a]
        used.extend(idx)
        return p["sep"].join(_render_block(p, i, raw=bool(raw)) for i in idx)

    out = _MARKER.sub(repl, p["template"])
    n = len(p["blocks"])
    if sorted(used) != list(range(1, n + 1)):
        raise AssertionError(f"{p['fname']}: blocks used {sorted(used)} of {n}")
    return out.lstrip("\n")


def gold_text(p) -> str:
    lines = []
    for b in p["blocks"]:
        if isinstance(b, str):
            lines.append(_strip(b))
        elif b[0] == "h":
            lines.append(_strip(b[1]))
        else:
            lines.extend(_strip(x) for x in b[1])
    return "\n".join(lines)


def _check_fragment(fname, frag):
    if re.search(r"&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)", frag):
        raise AssertionError(f"{fname}: bare '&' in {frag[:60]!r}")
    if re.search(r"<(?!/?(a|em|strong|i|b|abbr|span)\b)", frag):
        raise AssertionError(f"{fname}: unexpected tag in {frag[:60]!r}")


# ---------------------------------------------------------------------------
# 01 -- local news site: cookie banner, nav, breadcrumb, share bar, most-read
#       sidebar with other dates, newsletter box, comments, long footer.
#       Date: <meta property="article:published_time">; modified date differs.
# ---------------------------------------------------------------------------
page(
    "01_harbor_council_ferry.html",
    title="Harbor council approves ferry terminal upgrade after four-hour debate",
    date="2023-05-14",
    date_where="meta",
    language="en",
    encoding="utf-8",
    layout="news, html5 article, sidebar, comments",
    blocks=[
        "Port Almsley's town council voted 6&ndash;3 late on Saturday to approve a long-delayed renovation of the Eastside ferry terminal, ending a debate that had stretched over two budget cycles and at least a dozen public hearings.",
        "The plan, estimated at 14.2 million dollars, replaces the terminal's rotting timber pier with a concrete structure, adds a covered waiting hall for roughly 300 passengers and widens the vehicle ramp so that the island's two larger car ferries can dock at low tide.",
        "Councillor Mirela Ostrander, who chairs the infrastructure committee, said the vote came just in time. &ldquo;We have been patching that pier with plywood and good intentions since 2011,&rdquo; she told the chamber. &ldquo;Another winter like the last one and the decision would have been made for us.&rdquo;",
        'Opponents did not dispute the need for repairs but questioned the financing. Roughly half of the cost will be covered by a <a href="/tags/regional-transport-fund">regional transport grant</a>, while the remainder is to come from a bond that residents will repay through a small surcharge on ferry tickets over the next 20 years.',
        "Councillor Dev Pallister, one of the three dissenting votes, argued that commuters who rely on the ferry every day would end up paying more than occasional visitors. He proposed a tiered surcharge, but the amendment failed by a single vote.",
        "Construction is expected to begin in September and last about 18 months. During that period the ferry operator plans to move departures to a temporary floating dock near the fish market, which means a walk of about ten minutes for most foot passengers.",
        "The council will hold a final public information session on the construction schedule at the community hall on June 2.",
    ],
    template="""
<!DOCTYPE html>
<html lang="en-GB" class="no-js">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>Harbor council approves ferry terminal upgrade after four-hour debate | The Daily Harbor</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Port Almsley councillors voted 6-3 to rebuild the Eastside ferry terminal, funded by a regional grant and a ticket surcharge.">
<meta name="author" content="Lena Marsh">
<meta property="og:site_name" content="The Daily Harbor">
<meta property="og:type" content="article">
<meta property="og:title" content="Harbor council approves ferry terminal upgrade after four-hour debate">
<meta property="og:url" content="https://dailyharbor.example/local/ferry-terminal-upgrade-approved">
<meta property="og:image" content="https://cdn.dailyharbor.example/img/2023/eastside-terminal-1200.jpg">
<meta property="article:published_time" content="2023-05-14T08:30:00Z">
<meta property="article:modified_time" content="2023-05-16T10:05:00Z">
<meta property="article:section" content="Local">
<meta name="twitter:card" content="summary_large_image">
<link rel="canonical" href="https://dailyharbor.example/local/ferry-terminal-upgrade-approved">
<link rel="stylesheet" href="/static/css/site.min.css?v=8812">
<script>document.documentElement.className=document.documentElement.className.replace('no-js','js');</script>
<script async src="https://analytics.dailyharbor.example/t.js"></script>
</head>
<body class="template-article section-local">
<div id="cookie-consent" class="cookie-banner" role="dialog" aria-live="polite">
  <p>We use cookies to personalise content and ads, to provide social media features and to analyse our traffic. You can change your preferences at any time.</p>
  <button class="btn btn-primary" id="accept-all">Accept all</button>
  <button class="btn btn-link" id="manage">Manage preferences</button>
</div>
<a class="skip-link" href="#main-content">Skip to content</a>
<header class="site-header">
  <div class="top-strip"><span class="weather">Port Almsley 14&deg;C, showers</span> <a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></div>
  <a class="logo" href="/"><img src="/static/img/logo.svg" alt="The Daily Harbor"></a>
  <nav class="main-nav" aria-label="Sections">
    <ul>
      <li><a href="/">Home</a></li>
      <li class="active"><a href="/local">Local</a></li>
      <li><a href="/business">Business</a></li>
      <li><a href="/sport">Sport</a></li>
      <li><a href="/opinion">Opinion</a></li>
      <li><a href="/whats-on">What's On</a></li>
      <li><a href="/obituaries">Obituaries</a></li>
      <li><a href="/puzzles">Puzzles</a></li>
    </ul>
  </nav>
</header>
<div class="page-wrap">
<nav class="breadcrumb" aria-label="Breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/local">Local</a> &rsaquo; <a href="/local/transport">Transport</a></nav>
<main id="main-content" class="content-grid">
<article class="story" itemscope itemtype="https://schema.org/NewsArticle">
  <header class="story-header">
    <span class="kicker">Transport</span>
    <h1 class="headline" itemprop="headline">Harbor council approves ferry terminal upgrade after four-hour debate</h1>
    <p class="standfirst">Construction on the Eastside pier is due to start in September, with a ticket surcharge covering part of the bill</p>
    <div class="byline">By <a href="/authors/lena-marsh" rel="author">Lena Marsh</a>, Local Affairs Reporter
      <span class="updated">Updated 16 May 2023, 11:05</span></div>
    <div class="share-bar">
      <span>Share</span>
      <a class="share fb" href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fdailyharbor.example%2Flocal%2Fferry-terminal-upgrade-approved">Facebook</a>
      <a class="share x" href="https://twitter.com/intent/tweet?url=https%3A%2F%2Fdailyharbor.example%2Flocal%2Fferry-terminal-upgrade-approved">X</a>
      <a class="share mail" href="mailto:?subject=Ferry%20terminal">Email</a>
      <button class="share copy">Copy link</button>
    </div>
  </header>
  <figure class="lead-image">
    <img src="https://cdn.dailyharbor.example/img/2023/eastside-terminal-800.jpg" alt="The Eastside ferry terminal at low tide" width="800" height="450">
    <figcaption>The timber pier at Eastside has been patched repeatedly over the past decade. Photo: Harbor Photo Desk</figcaption>
  </figure>
  <div class="story-body" itemprop="articleBody">
@@1-4@@
    <aside class="inline-related"><strong>Read more:</strong> <a href="/local/ferry-fares-rise-autumn">Ferry fares to rise by 4% from October</a></aside>
@@5-7@@
  </div>
  <footer class="story-footer">
    <ul class="tags"><li><a href="/tags/ferries">Ferries</a></li><li><a href="/tags/town-council">Town council</a></li><li><a href="/tags/eastside">Eastside</a></li></ul>
    <p class="correction-note">Have a story tip? Email <a href="mailto:newsdesk@dailyharbor.example">newsdesk@dailyharbor.example</a></p>
  </footer>
</article>
<section class="related-stories">
  <h2>More from Local</h2>
  <div class="teaser"><a href="/local/fish-market-roof"><img src="/img/t1.jpg" alt=""><h3>Fish market roof repairs finished ahead of summer</h3></a></div>
  <div class="teaser"><a href="/local/school-crossing-petition"><img src="/img/t2.jpg" alt=""><h3>Parents petition for crossing guard on Quay Road</h3></a></div>
  <div class="teaser"><a href="/local/lifeboat-open-day"><img src="/img/t3.jpg" alt=""><h3>Lifeboat station open day draws record crowd</h3></a></div>
</section>
<section id="comments" class="comments">
  <h2>Comments (3)</h2>
  <div class="comment"><span class="comment-author">harbourwatcher</span> <span class="comment-date">14 May 2023 at 10:12</span>
    <p>About time. That pier has been a hazard for years and the ramp is a disgrace at low water.</p></div>
  <div class="comment"><span class="comment-author">J. Fenwick</span> <span class="comment-date">14 May 2023 at 13:47</span>
    <p>So those of us who commute every day pay for it twice. Pallister was right.</p></div>
  <div class="comment"><span class="comment-author">islandmum</span> <span class="comment-date">15 May 2023 at 07:30</span>
    <p>Ten minutes' walk to the temporary dock with two kids and a pushchair, in the rain. Can't wait.</p></div>
  <form class="comment-form" action="/comments/post" method="post"><textarea name="body" placeholder="Join the discussion"></textarea><button>Post comment</button></form>
</section>
</main>
<aside class="sidebar">
  <section class="most-read">
    <h2>Most read</h2>
    <ol>
      <li><a href="/local/harbour-wall-collapse">Section of harbour wall collapses during spring tide</a> <time datetime="2023-05-09">9 May 2023</time></li>
      <li><a href="/business/cannery-jobs">Cannery to create 40 jobs in expansion</a> <time datetime="2023-05-11">11 May 2023</time></li>
      <li><a href="/sport/regatta-cancelled">Regatta cancelled for second year over insurance costs</a> <time datetime="2023-04-28">28 April 2023</time></li>
      <li><a href="/whats-on/jazz-weekend">Jazz weekend line-up announced</a> <time datetime="2023-05-02">2 May 2023</time></li>
      <li><a href="/local/parking-charges">Seafront parking charges to double</a> <time datetime="2023-05-12">12 May 2023</time></li>
    </ol>
  </section>
  <section class="newsletter-box">
    <h3>Get the Harbor Briefing</h3>
    <p>The day's top local stories in your inbox every morning at 7am.</p>
    <form action="/newsletter/subscribe" method="post"><input type="email" name="email" placeholder="Your email address"><button type="submit">Sign up</button></form>
    <small>By signing up you agree to our privacy policy. Unsubscribe at any time.</small>
  </section>
  <div class="ad-slot mpu" data-slot="sidebar-1"><span class="ad-label">Advertisement</span></div>
</aside>
</div>
<footer class="site-footer">
  <div class="footer-cols">
    <div><h4>Sections</h4><ul><li><a href="/local">Local</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/whats-on">What's On</a></li></ul></div>
    <div><h4>The Daily Harbor</h4><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/advertise">Advertise</a></li><li><a href="/jobs">Work for us</a></li><li><a href="/complaints">Complaints</a></li></ul></div>
    <div><h4>Help</h4><ul><li><a href="/subscriptions">Subscriptions</a></li><li><a href="/privacy">Privacy notice</a></li><li><a href="/cookies">Cookie policy</a></li><li><a href="/terms">Terms and conditions</a></li><li><a href="/accessibility">Accessibility</a></li></ul></div>
  </div>
  <p class="copyright">&copy; 2023 Harbor Media Group Ltd. All rights reserved. Registered in England and Wales no. 00000000.</p>
</footer>
<script src="/static/js/site.min.js?v=8812" defer></script>
</body>
</html>
""",
)

# ---------------------------------------------------------------------------
# 02 -- science news, <main><article>, JSON-LD NewsArticle (datePublished and a
#       later dateModified), subheading inside the article.
# ---------------------------------------------------------------------------
page(
    "02_coral_spawning_study.html",
    title="Warmer nights may be shifting when corals spawn, researchers find",
    date="2021-09-22",
    date_where="json-ld",
    language="en",
    encoding="utf-8",
    layout="science news, json-ld, html5 main/article",
    blocks=[
        "Corals on a shallow reef system in the western Pacific have started releasing their eggs and sperm up to two weeks earlier than they did three decades ago, according to a study published this week by a team of marine biologists.",
        "Mass spawning events, in which thousands of colonies release their gametes within the same few hours, are timed by a combination of water temperature, day length and the phase of the moon. Synchronisation matters: if neighbouring colonies release at different times, the chances of fertilisation fall sharply.",
        "The researchers compared diver logs dating back to 1989 with underwater camera footage collected since 2012. They found that the average spawning date for two common branching species had moved earlier by roughly 11 days, and that the spread between the first and last colonies to spawn had widened.",
        ("h", "Night-time temperatures"),
        "Surprisingly, the strongest statistical link was not with daytime water temperature but with how warm the water stayed after sunset. The authors suggest that corals may use the night-time minimum as one of their cues, although they caution that the mechanism has not been demonstrated in the laboratory.",
        "Other scientists welcomed the long time series but noted that diver logs from the early years were less precise than modern records. The team addressed this by excluding any observation that could not be dated to within a single night.",
        "The group now plans to install temperature loggers on individual colonies to test whether corals on the same reef respond to slightly different local conditions.",
    ],
    hfmt='<h2 class="subhead">{}</h2>',
    template="""
<!doctype html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>Warmer nights may be shifting when corals spawn, researchers find - Field &amp; Lab News</title>
  <link rel="canonical" href="https://fieldlab.example/oceans/coral-spawning-earlier-warm-nights">
  <meta property="og:site_name" content="Field &amp; Lab News">
  <meta property="og:title" content="Warmer nights may be shifting when corals spawn">
  <meta property="og:description" content="Three decades of diver logs suggest mass spawning now starts up to two weeks earlier.">
  <script type="application/ld+json">
  {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Warmer nights may be shifting when corals spawn, researchers find",
    "datePublished": "2021-09-22T14:00:00+00:00",
    "dateModified": "2021-10-01T09:15:00+00:00",
    "author": [{"@type": "Person", "name": "Tomas Ibarra"}],
    "publisher": {"@type": "Organization", "name": "Field & Lab News",
                  "logo": {"@type": "ImageObject", "url": "https://fieldlab.example/logo.png"}},
    "image": ["https://fieldlab.example/media/coral-spawn-1600.jpg"],
    "mainEntityOfPage": "https://fieldlab.example/oceans/coral-spawning-earlier-warm-nights",
    "articleSection": "Oceans"
  }
  </script>
  <link rel="stylesheet" href="/assets/main.3f9c.css">
</head>
<body>
  <header class="masthead">
    <div class="masthead__brand"><a href="/">Field <span>&amp;</span> Lab</a></div>
    <nav class="masthead__nav">
      <a href="/space">Space</a>
      <a href="/oceans" aria-current="page">Oceans</a>
      <a href="/climate">Climate</a>
      <a href="/health">Health</a>
      <a href="/tech">Tech</a>
      <a href="/podcast">Podcast</a>
    </nav>
    <form class="masthead__search" role="search"><input type="search" placeholder="Search stories"></form>
  </header>
  <main>
    <article class="post">
      <div class="post__meta"><a class="post__section" href="/oceans">Oceans</a></div>
      <h1 class="post__title">Warmer nights may be shifting when corals spawn, researchers find</h1>
      <p class="post__dek">Three decades of diver logs suggest mass spawning on one reef now starts up to two weeks earlier</p>
      <p class="post__author">Tomas Ibarra &middot; 5 min read</p>
      <figure class="post__hero">
        <img src="/media/coral-spawn-900.jpg" alt="Pink egg bundles rising from a branching coral at night">
        <figcaption>Egg and sperm bundles rise from a branching coral colony during a night-time spawning event.</figcaption>
      </figure>
      <section class="post__body">
@@1-7@@
      </section>
      <aside class="post__source">
        <h3>Source</h3>
        <p>Study published in a peer-reviewed marine ecology journal. Data and code are available from the authors on request.</p>
      </aside>
    </article>
    <section class="more-stories">
      <h2>More in Oceans</h2>
      <ul>
        <li><a href="/oceans/kelp-forest-urchins">Sea urchin boom strips kelp forests along rocky coast</a></li>
        <li><a href="/oceans/deep-sea-mining-sediment">Sediment plumes from test mining travel further than expected</a></li>
        <li><a href="/oceans/whale-song-shipping">Whales change their songs when shipping noise rises</a></li>
      </ul>
    </section>
  </main>
  <footer class="site-footer">
    <nav><a href="/about">About</a> <a href="/ethics">Editorial standards</a> <a href="/donate">Support our journalism</a> <a href="/privacy">Privacy</a></nav>
    <p>Field &amp; Lab News is an independent, reader-funded science newsroom.</p>
  </footer>
</body>
</html>
""",
)

# ---------------------------------------------------------------------------
# 03 -- sport report, ad-heavy (ad divs, iframes, sponsored block, "Around the
#       web" grid), date only in <time datetime>, trending sidebar with dates.
# ---------------------------------------------------------------------------
page(
    "03_cup_final_report.html",
    title="Rovers edge Athletic in cup final as late header settles tense afternoon",
    date="2019-04-27", date_where="time-element", language="en", encoding="utf-8",
    layout="sport news, ad-heavy, divs",
    blocks=[
        "Kestrel Rovers won the county cup for the first time in 23 years on Saturday, beating Millbrook Athletic 2&ndash;1 with a header from substitute Tomasz Wren four minutes from the end of normal time.",
        "Athletic had the better of a cagey first half and went ahead in the 38th minute when Owen Sallis curled a free kick over the wall and in off the underside of the crossbar. Rovers goalkeeper Jamie Kort got a glove to it but could not keep it out.",
        "The second half belonged to Rovers. Manager Ruth Okafor switched to a back three at the interval and pushed her full-backs higher, and the equaliser arrived on the hour when captain Leon Bright finished a low cross at the near post.",
        "Both sides had chances to win it. Athletic striker Callum Hesketh hit the post with a shot on the turn, and at the other end a goal-line clearance denied Bright a second.",
        "Wren, on the pitch for only nine minutes, rose highest to meet a corner from the left and sent the ball into the top corner. The travelling Rovers supporters, packed into the stand behind that goal, spilled onto the running track before stewards ushered them back.",
        "&quot;I told him to go and attack the ball, nothing more complicated than that,&quot; Okafor said afterwards. &quot;He has been patient all season. Today he got his reward.&quot;",
        "Athletic will have little time to dwell on the result, with a league match against the leaders on Tuesday evening.",
    ],
    pfmt='<p class="txt">{}</p>',
    template='''
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Rovers edge Athletic in cup final as late header settles tense afternoon - Sideline Daily</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="author" content="Greg Hollis">
<link rel="canonical" href="https://sidelinedaily.example/football/county-cup/rovers-edge-athletic-cup-final">
<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
<script>
  window.googletag = window.googletag || {cmd: []};
  googletag.cmd.push(function() {
    googletag.defineSlot('/2200/sideline/football', [728, 90], 'ad-leader').addService(googletag.pubads());
    googletag.defineSlot('/2200/sideline/football', [300, 250], 'ad-inread-1').addService(googletag.pubads());
    googletag.defineSlot('/2200/sideline/football', [300, 250], 'ad-inread-2').addService(googletag.pubads());
    googletag.enableServices();
  });
</script>
<style>.ad{background:#f4f4f4;text-align:center;margin:18px 0}.ad-lbl{font:10px/1 Arial;color:#999;text-transform:uppercase}</style>
</head>
<body>
<div class="ad ad-top" id="ad-leader"><div class="ad-lbl">Advertisement</div><iframe src="https://ads.adnet.example/serve?slot=leader&amp;size=728x90" width="728" height="90" frameborder="0" scrolling="no" title="3rd party ad content"></iframe></div>
<div id="hdr">
  <div class="logo"><a href="/">SIDELINE<b>DAILY</b></a></div>
  <div class="menu">
    <a href="/football">Football</a> | <a href="/cricket">Cricket</a> | <a href="/rugby">Rugby</a> | <a href="/tennis">Tennis</a> | <a href="/golf">Golf</a> | <a href="/racing">Racing</a> | <a href="/betting">Betting</a> | <a href="/live-scores">Live scores</a>
  </div>
</div>
<div id="wrap">
 <div id="col-main">
  <div class="crumbs"><a href="/football">Football</a> / <a href="/football/county-cup">County Cup</a></div>
  <h1 class="art-title">Rovers edge Athletic in cup final as late header settles tense afternoon</h1>
  <div class="art-meta">
    <span class="by">Greg Hollis at Fenton Road</span>
    <time class="ts" datetime="2019-04-27T17:45:00+01:00">Saturday 27 April 2019, 5:45pm</time>
  </div>
  <div class="social"><a href="#" class="s-fb">Share</a><a href="#" class="s-tw">Tweet</a><a href="#" class="s-wa">WhatsApp</a><span class="cmt-count">48 comments</span></div>
  <div class="art-img"><img src="/i/2019/04/wren-header.jpg" alt="Tomas Wren heads the winner"><div class="cap">Tomas Wren climbs above the Athletic defence to score the winner. (Picture: Sideline Photos)</div></div>
  <div class="art-body">
@@1-2@@
   <div class="ad ad-inread" id="ad-inread-1"><div class="ad-lbl">Advertisement</div><iframe src="https://ads.adnet.example/serve?slot=inread1&amp;size=300x250" width="300" height="250" frameborder="0" scrolling="no"></iframe></div>
@@3@@
   <div class="sponsored-box">
     <span class="ad-lbl">Sponsored</span>
     <a href="https://bookie.example/promo?aff=sideline"><img src="https://bookie.example/banners/free-bet.png" alt=""><strong>New customers: bet 10, get 30 in free bets on the weekend's football</strong></a>
     <small>18+. T&amp;Cs apply. Please gamble responsibly.</small>
   </div>
@@4-5@@
   <div class="ad ad-inread" id="ad-inread-2"><div class="ad-lbl">Advertisement</div><iframe src="https://ads.adnet.example/serve?slot=inread2&amp;size=300x250" width="300" height="250" frameborder="0" scrolling="no"></iframe></div>
@@6-7@@
  </div>
  <div class="more-on">
    <h3>More on this story</h3>
    <ul>
      <li><a href="/football/county-cup/player-ratings-rovers-athletic">Player ratings: Wren the hero, Kort solid in goal</a></li>
      <li><a href="/football/county-cup/okafor-interview">Okafor: &quot;This club deserved a day like this&quot;</a></li>
    </ul>
  </div>
  <div class="around-the-web" id="ob-widget">
    <div class="ob-head">Around the web <span class="ob-by">Recommended by <a href="https://contentrec.example">ContentRec</a></span></div>
    <div class="ob-grid">
      <a class="ob-item" href="https://click.contentrec.example/r?id=1"><img src="https://img.contentrec.example/1.jpg" alt=""><span class="ob-title">Doctors stunned: this simple morning habit helps you sleep better</span><span class="ob-src">HealthyDaily</span></a>
      <a class="ob-item" href="https://click.contentrec.example/r?id=2"><img src="https://img.contentrec.example/2.jpg" alt=""><span class="ob-title">The 25 most expensive transfers that went badly wrong</span><span class="ob-src">FootyListicle</span></a>
      <a class="ob-item" href="https://click.contentrec.example/r?id=3"><img src="https://img.contentrec.example/3.jpg" alt=""><span class="ob-title">Homeowners are replacing their boilers with this gadget</span><span class="ob-src">HomeSaver Tips</span></a>
      <a class="ob-item" href="https://click.contentrec.example/r?id=4"><img src="https://img.contentrec.example/4.jpg" alt=""><span class="ob-title">You won't believe what this 90s star looks like now</span><span class="ob-src">RetroBuzz</span></a>
      <a class="ob-item" href="https://click.contentrec.example/r?id=5"><img src="https://img.contentrec.example/5.jpg" alt=""><span class="ob-title">New hearing aid is almost invisible, and the price is surprising</span><span class="ob-src">Sponsored | HearWell</span></a>
      <a class="ob-item" href="https://click.contentrec.example/r?id=6"><img src="https://img.contentrec.example/6.jpg" alt=""><span class="ob-title">Why pilots never order the fish on long flights</span><span class="ob-src">TravelWhispers</span></a>
    </div>
  </div>
  <div id="comments-teaser"><a href="/comments/rovers-edge-athletic">View 48 comments</a></div>
 </div>
 <div id="col-side">
  <div class="ad ad-mpu"><div class="ad-lbl">Advertisement</div><iframe src="https://ads.adnet.example/serve?slot=mpu&amp;size=300x600" width="300" height="600" frameborder="0"></iframe></div>
  <div class="trending">
    <h4>Trending</h4>
    <ul>
      <li><a href="/cricket/county-opener-washed-out">County opener washed out after just 14 overs</a><span class="d">25/04/2019</span></li>
      <li><a href="/football/millbrook-stadium-plans">Millbrook stadium plans go to public consultation</a><span class="d">22/04/2019</span></li>
      <li><a href="/rugby/fenton-relegation">Fenton relegated despite bonus-point win</a><span class="d">20/04/2019</span></li>
      <li><a href="/racing/spring-meeting">Spring meeting: five horses to follow</a><span class="d">19/04/2019</span></li>
    </ul>
  </div>
  <div class="ad ad-mpu"><div class="ad-lbl">Advertisement</div><div class="native-ad"><a href="https://shop.example/boots"><img src="https://shop.example/boots.jpg" alt="">Football boots, up to 50% off this weekend only</a></div></div>
 </div>
</div>
<div id="ftr">
  <p><a href="/about">About Sideline Daily</a> | <a href="/contact">Contact us</a> | <a href="/advertise">Advertise with us</a> | <a href="/privacy">Privacy</a> | <a href="/cookies">Cookies</a> | <a href="/terms">Terms</a> | <a href="/gambling">Safer gambling</a></p>
  <p>Sideline Daily is part of Fenton Media. &copy; Fenton Media 2019</p>
</div>
<div class="ad ad-sticky-footer"><div class="ad-lbl">Advertisement</div><iframe src="https://ads.adnet.example/serve?slot=sticky&amp;size=320x50" width="320" height="50" frameborder="0"></iframe><button class="close">&times;</button></div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 04 -- syndication wrapper (MENAFN-like): "Search"/menu words, dateline line,
#       "(MENAFN- Asia Times) " prefix, mnaft ID line, Legal Disclaimer block.
#       Date only as visible text dateline.
# ---------------------------------------------------------------------------
page(
    "04_menafn_vietnam_port.html",
    title="Vietnam port expansion tests a delicate balance between trade and tides",
    date="2025-04-25", date_where="byline-text", language="en", encoding="utf-8",
    layout="syndication wrapper",
    blocks=[
        "A planned expansion of a deep-water container terminal in central Vietnam has become a test case for how the country's fast-growing ports can grow without damaging the mangrove coastlines that protect nearby towns from storm surges.",
        "The project would add two berths capable of handling the largest container ships now sailing between East Asia and Europe. Provincial officials argue that the extra capacity is needed to keep manufacturers who have relocated from China in recent years from routing their cargo through rival hubs.",
        "Environmental groups say the dredging required to deepen the approach channel would alter sediment flows along roughly 20 kilometres of coast. Fishing cooperatives in two districts have already reported changes in the catch near an earlier breakwater built in 2019.",
        "The port's developers have commissioned a new hydrological survey and promised to replant mangroves on a larger area than will be cleared. Critics point out that replanted stands take many years to offer the same protection as mature forests.",
        "The debate mirrors discussions in other Southeast Asian economies, where governments are courting supply chains that are diversifying away from a single country. Ports are usually the first piece of infrastructure that investors ask about, and also among the most disruptive to build.",
        "A final decision on the environmental permit is expected before the monsoon season begins.",
    ],
    template='''
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Vietnam port expansion tests a delicate balance between trade and tides</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="(MENAFN- Asia Times) A planned expansion of a deep-water container terminal in central Vietnam has become a test case...">
<link rel="canonical" href="https://newswire-mirror.example/1109469911/Vietnam-port-expansion-tests-a-delicate-balance-between-trade-and-tides">
<link rel="stylesheet" href="/Content/site.css">
</head>
<body>
<div class="topbar">
  <a href="/">Home</a> <a href="/login">Login</a> <a href="/register">Register</a> <a href="/rss">RSS</a>
  <form action="/search" class="searchform"><input type="text" name="q" placeholder="Search"><input type="submit" value="Search"></form>
</div>
<div class="menu-row">
  <ul class="mainmenu">
    <li><a href="/business">Business</a></li>
    <li><a href="/markets">Markets</a></li>
    <li><a href="/press-releases">Press Releases</a></li>
    <li><a href="/tech">Tech</a></li>
    <li><a href="/energy">Energy</a></li>
    <li><a href="/research">Market Research</a></li>
    <li><a href="/search">Search</a></li>
    <li><a href="/menu">Menu</a></li>
  </ul>
</div>
<div class="container">
  <div class="row">
    <div class="col-md-8 article-col">
      <h1 class="newstitle">Vietnam port expansion tests a delicate balance between trade and tides</h1>
      <div class="newsdate">Apr 25, 2025</div>
      <div class="src-logo"><img src="/Providers/asiatimes.png" alt="Asia Times" height="40"></div>
      <div class="share-icons"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">LinkedIn</a> <a href="#">Print</a> <a href="#">Email</a></div>
      <div id="newsBody" class="newsbody">
<p>(MENAFN- Asia Times) @@raw1@@</p>
@@2-6@@
<p class="newsid">mnaft:25042025000159011032ID1109469911</p>
      </div>
      <div class="disclaimer">
        <p><strong>Legal Disclaimer:</strong><br>
        This service republishes material exactly as it is received from the content provider named above, who remains solely responsible for the text, images and any other content of the item. We give no warranty as to its accuracy or completeness. Questions or complaints about this article should be addressed to the original provider.</p>
      </div>
      <div class="comments-box"><h4>Comments</h4><p>No comment</p></div>
    </div>
    <div class="col-md-4 side-col">
      <h4>Most popular stories</h4>
      <ul class="popular">
        <li><a href="/1109461002/Rice-prices-ease-as-monsoon-outlook-improves">Rice prices ease as monsoon outlook improves</a></li>
        <li><a href="/1109458877/Regional-airline-adds-routes-to-secondary-cities">Regional airline adds routes to secondary cities</a></li>
        <li><a href="/1109455120/Central-bank-holds-rates-steady">Central bank holds rates steady</a></li>
      </ul>
      <h4>Market Research</h4>
      <ul class="research">
        <li><a href="/research/container-shipping-outlook">Container Shipping Outlook: Capacity, Rates and Routes</a></li>
        <li><a href="/research/mangrove-restoration-market">Coastal Restoration Services Market Report</a></li>
      </ul>
    </div>
  </div>
</div>
<div class="footer">
  <a href="/about">About Us</a> | <a href="/contact">Contact Us</a> | <a href="/advertise">Advertise</a> | <a href="/terms">Terms of Use</a> | <a href="/privacy">Privacy Policy</a> | <a href="/search">Search</a>
  <p>Copyright 2025 Newswire Mirror. All Rights Reserved.</p>
</div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 05 -- second syndication wrapper, flatter markup: the body is text separated
#       by <br><br> inside one div (as in many re-published wire pages).
# ---------------------------------------------------------------------------
page(
    "05_menafn_malaysia_chips.html",
    title="Malaysia's chip packaging firms bet on a quieter corner of the semiconductor boom",
    date="2024-01-02", date_where="byline-text", language="en", encoding="utf-8",
    layout="syndication wrapper, br-separated text",
    blocks=[
        "While much of the attention in the semiconductor industry goes to the companies that etch the most advanced circuits, a cluster of firms in northern Malaysia is betting that the less glamorous work of packaging and testing chips will prove just as valuable.",
        "Penang has hosted assembly plants for international electronics makers since the 1970s. What has changed is the complexity of the work: modern processors are increasingly built from several smaller dies stacked or placed side by side, and joining them reliably requires precision equipment and skilled engineers.",
        "Local executives say orders for advanced packaging have risen steadily over the past year as customers seek to spread production across more than one country. Several firms have announced new clean-room space, and the state government has offered training grants for technicians.",
        "The main constraint is people. Industry associations estimate that the sector will need thousands of additional engineers by the end of the decade, and competition for graduates with neighbouring Singapore remains intense.",
        "Analysts caution that packaging margins are thinner than those of chip design or fabrication. Still, they note that a region which already knows how to run high-volume factories has an advantage that is hard to copy quickly.",
    ],
    pfmt="{}<br><br>",
    template='''
<html lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Malaysia's chip packaging firms bet on a quieter corner of the semiconductor boom | Wire Digest</title>
<link rel="canonical" href="https://wiredigest.example/story/1107652214">
</head>
<body>
<table class="hdr" width="100%"><tr>
<td><a href="/"><img src="/img/wiredigest.gif" alt="Wire Digest"></a></td>
<td align="right">Search <input type="text" name="s" size="20"> <a href="/search">Go</a></td>
</tr></table>
<div class="nav">Home &middot; Newswire &middot; Asia &middot; Tech &middot; Commodities &middot; Press Releases &middot; Search &middot; Menu</div>
<div id="story">
<h2 class="title">Malaysia's chip packaging firms bet on a quieter corner of the semiconductor boom</h2>
<div class="dateline">Jan 02, 2024</div>
<div class="provider">Source: Asia Times</div>
<div class="text">
(MENAFN- Asia Times) @@1-5@@
mnaft:02012024000159011032ID1107652214
</div>
<div class="legal">
<b>Legal Disclaimer:</b>
The content above was supplied by a third-party provider, which is solely responsible for it. Wire Digest has not edited it and accepts no liability for its accuracy, legality or completeness. Please contact the provider directly with any complaints or copyright concerns.
</div>
<div class="tags">Tags: Malaysia, Penang, semiconductors, packaging, manufacturing</div>
</div>
<div class="related">
<b>Related</b><br>
<a href="/story/1107650001">Thai auto parts makers court electric vehicle brands</a><br>
<a href="/story/1107649870">Indonesia nickel smelter output hits record</a><br>
<a href="/story/1107649532">Philippine call centres adopt AI assistants</a>
</div>
<div class="foot">Home | About | Contact | Search | Privacy | Terms<br>&copy; Wire Digest</div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 06 -- WordPress-like recipe blog: entry-content, ingredient list, author box,
#       tags, comment list and form, archive sidebar (months), date only in
#       the visible "Published 3 March 2022" line.
# ---------------------------------------------------------------------------
page(
    "06_rye_sourdough_recipe.html",
    title="Weeknight rye sourdough with a shorter cold proof",
    date="2022-03-03", date_where="byline-text", language="en", encoding="utf-8",
    layout="blog (wordpress-like), recipe with list",
    blocks=[
        "Most rye sourdough recipes assume you have a free Saturday. This one is built around a working week: mix the dough after dinner, let it rise overnight on the counter, shape it before work and bake it when you get home.",
        "The trick is a slightly stiffer starter and a cooler room. If your kitchen runs warm in summer, put the bowl in the coolest cupboard you have, or cut the starter quantity by a third.",
        ("h", "Ingredients"),
        ("ul", [
            "150 g active rye starter",
            "300 g strong white bread flour",
            "200 g wholemeal rye flour",
            "340 g water, at room temperature",
            "10 g fine sea salt",
            "1 tbsp caraway seeds (optional)",
        ]),
        ("h", "Method"),
        "Stir the starter into the water until it looks milky, then add both flours and the salt. Mix with a wet hand until no dry patches remain. The dough will feel sticky and heavy; that is normal for rye.",
        "Cover and leave for 10 to 12 hours. It is ready when it has grown by about half and the surface shows a few cracks.",
        "Scrape the dough onto a floured board, fold it into a rough log and drop it into a greased loaf tin. Sprinkle the caraway on top if using. Refrigerate for up to nine hours.",
        "Bake straight from the fridge at 230&deg;C for 20 minutes, then lower the oven to 210&deg;C and bake for another 35 minutes. Let the loaf cool completely before slicing, ideally overnight, because rye keeps setting as it cools.",
    ],
    hfmt='<h3 class="wp-block-heading">{}</h3>',
    ulfmt='<ul class="wp-block-list">\n{}\n</ul>',
    template='''
<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="https://gmpg.org/xfn/11">
<title>Weeknight rye sourdough with a shorter cold proof &#8211; The Crumb Journal</title>
<meta name="robots" content="max-image-preview:large">
<link rel="alternate" type="application/rss+xml" title="The Crumb Journal &raquo; Feed" href="https://crumbjournal.example/feed/">
<link rel="canonical" href="https://crumbjournal.example/weeknight-rye-sourdough/">
<link rel="shortlink" href="https://crumbjournal.example/?p=1187">
<meta property="og:site_name" content="The Crumb Journal">
<meta property="og:type" content="article">
<link rel="stylesheet" id="wp-block-library-css" href="https://crumbjournal.example/wp-includes/css/dist/block-library/style.min.css?ver=5.9.1" media="all">
<link rel="stylesheet" id="twentytwenty-style-css" href="https://crumbjournal.example/wp-content/themes/crumb/style.css?ver=1.4" media="all">
<script src="https://crumbjournal.example/wp-includes/js/jquery/jquery.min.js?ver=3.6.0" id="jquery-core-js"></script>
</head>
<body class="post-template-default single single-post postid-1187 single-format-standard">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
  <div class="site-branding">
    <p class="site-title"><a href="https://crumbjournal.example/" rel="home">The Crumb Journal</a></p>
    <p class="site-description">Bread, mostly. Sometimes cake.</p>
  </div>
  <nav id="site-navigation" class="main-navigation">
    <button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>
    <div class="menu-main-container"><ul id="primary-menu" class="menu">
      <li class="menu-item"><a href="https://crumbjournal.example/">Home</a></li>
      <li class="menu-item"><a href="https://crumbjournal.example/category/sourdough/">Sourdough</a></li>
      <li class="menu-item"><a href="https://crumbjournal.example/category/enriched/">Enriched doughs</a></li>
      <li class="menu-item"><a href="https://crumbjournal.example/starter-guide/">Starter guide</a></li>
      <li class="menu-item"><a href="https://crumbjournal.example/about/">About</a></li>
    </ul></div>
  </nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area">
<main id="main" class="site-main">
<article id="post-1187" class="post-1187 post type-post status-publish format-standard has-post-thumbnail hentry category-sourdough tag-rye tag-weeknight">
  <header class="entry-header">
    <span class="cat-links"><a href="https://crumbjournal.example/category/sourdough/" rel="category tag">Sourdough</a></span>
    <h1 class="entry-title">Weeknight rye sourdough with a shorter cold proof</h1>
    <div class="entry-meta">
      <span class="posted-on">Published 3 March 2022</span>
      <span class="byline"> by <span class="author vcard"><a class="url fn n" href="https://crumbjournal.example/author/ruth/">Ruth Abernethy</a></span></span>
      <span class="comments-link"><a href="#comments">4 Comments</a></span>
    </div>
  </header>
  <div class="post-thumbnail"><img width="1024" height="683" src="https://crumbjournal.example/wp-content/uploads/rye-loaf-1024x683.jpg" class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="A dark rye loaf on a wire rack"></div>
  <div class="entry-content">
@@1-2@@
<div class="wp-block-group recipe-card">
@@3-4@@
@@5-9@@
</div>
<p class="jp-relatedposts-headline"><em>Related</em></p>
<div class="jp-relatedposts-items">
<p class="jp-relatedposts-post"><a href="https://crumbjournal.example/feeding-a-rye-starter/">Feeding a rye starter when you are away for a week</a></p>
<p class="jp-relatedposts-post"><a href="https://crumbjournal.example/seeded-spelt-loaf/">A seeded spelt loaf for beginners</a></p>
</div>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a class="share-facebook" href="?share=facebook">Facebook</a></li><li><a class="share-pinterest" href="?share=pinterest">Pinterest</a></li><li><a class="share-email" href="?share=email">Email</a></li></ul></div>
  </div>
  <footer class="entry-footer">
    <span class="tags-links">Tagged <a href="https://crumbjournal.example/tag/rye/" rel="tag">rye</a>, <a href="https://crumbjournal.example/tag/weeknight/" rel="tag">weeknight</a>, <a href="https://crumbjournal.example/tag/sandwich-loaf/" rel="tag">sandwich loaf</a></span>
  </footer>
  <div class="author-box">
    <img src="https://crumbjournal.example/wp-content/uploads/ruth-96x96.jpg" class="avatar" alt="" width="96" height="96">
    <h4>About Ruth Abernethy</h4>
    <p>Ruth has been baking bread in a tiny flat kitchen for twelve years. She writes about loaves that fit around a normal job and tests every recipe at least three times.</p>
  </div>
</article>
<nav class="navigation post-navigation"><div class="nav-links">
  <div class="nav-previous"><a href="https://crumbjournal.example/cardamom-buns/" rel="prev">Previous post: Cardamom buns without a stand mixer</a></div>
  <div class="nav-next"><a href="https://crumbjournal.example/starter-in-winter/" rel="next">Next post: Keeping a starter lively in winter</a></div>
</div></nav>
<div id="comments" class="comments-area">
  <h2 class="comments-title">4 thoughts on &ldquo;Weeknight rye sourdough with a shorter cold proof&rdquo;</h2>
  <ol class="comment-list">
    <li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Pieter</b> <a href="#comment-2210"><time datetime="2022-03-04T19:02:11+00:00">4 March 2022 at 7:02 pm</time></a></footer>
      <div class="comment-content"><p>Made this on Tuesday, it worked exactly as described. My tin was a bit small so it domed more than yours.</p></div></article></li>
    <li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Ana L.</b> <a href="#comment-2214"><time datetime="2022-03-06T08:41:50+00:00">6 March 2022 at 8:41 am</time></a></footer>
      <div class="comment-content"><p>Could I use all rye flour instead of the white? I am trying to avoid wheat.</p></div></article>
      <ol class="children"><li class="comment byuser bypostauthor"><article class="comment-body"><footer class="comment-meta"><b class="fn">Ruth Abernethy</b> <a href="#comment-2215"><time datetime="2022-03-06T12:10:03+00:00">6 March 2022 at 12:10 pm</time></a></footer>
      <div class="comment-content"><p>You can, but it will be denser and you should add about 30 g more water. Give it the full 12 hours.</p></div></article></li></ol></li>
    <li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Mo</b> <a href="#comment-2231"><time datetime="2022-03-11T21:15:27+00:00">11 March 2022 at 9:15 pm</time></a></footer>
      <div class="comment-content"><p>The caraway is not optional in my house!</p></div></article></li>
  </ol>
  <div id="respond" class="comment-respond">
    <h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
    <form action="https://crumbjournal.example/wp-comments-post.php" method="post" id="commentform" class="comment-form">
      <p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
      <p class="comment-form-comment"><label for="comment">Comment *</label><textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>
      <p class="comment-form-author"><label for="author">Name *</label><input id="author" name="author" type="text" size="30" required></p>
      <p class="comment-form-email"><label for="email">Email *</label><input id="email" name="email" type="email" size="30" required></p>
      <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></p>
    </form>
  </div>
</div>
</main>
</div>
<aside id="secondary" class="widget-area">
  <section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="https://crumbjournal.example/"><label><span class="screen-reader-text">Search for:</span><input type="search" class="search-field" placeholder="Search &hellip;" name="s"></label><input type="submit" class="search-submit" value="Search"></form></section>
  <section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>
    <li><a href="https://crumbjournal.example/starter-in-winter/">Keeping a starter lively in winter</a></li>
    <li><a href="https://crumbjournal.example/weeknight-rye-sourdough/" aria-current="page">Weeknight rye sourdough with a shorter cold proof</a></li>
    <li><a href="https://crumbjournal.example/cardamom-buns/">Cardamom buns without a stand mixer</a></li>
  </ul></section>
  <section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul>
    <li><a href="https://crumbjournal.example/2022/03/">March 2022</a>&nbsp;(3)</li>
    <li><a href="https://crumbjournal.example/2022/02/">February 2022</a>&nbsp;(5)</li>
    <li><a href="https://crumbjournal.example/2022/01/">January 2022</a>&nbsp;(4)</li>
    <li><a href="https://crumbjournal.example/2021/12/">December 2021</a>&nbsp;(6)</li>
    <li><a href="https://crumbjournal.example/2021/11/">November 2021</a>&nbsp;(2)</li>
  </ul></section>
  <section id="categories-2" class="widget widget_categories"><h2 class="widget-title">Categories</h2><ul>
    <li class="cat-item"><a href="https://crumbjournal.example/category/enriched/">Enriched doughs</a></li>
    <li class="cat-item"><a href="https://crumbjournal.example/category/sourdough/">Sourdough</a></li>
    <li class="cat-item"><a href="https://crumbjournal.example/category/yeasted/">Yeasted breads</a></li>
  </ul></section>
</aside>
</div>
<footer id="colophon" class="site-footer">
  <div class="site-info"><a href="https://wordpress.org/">Proudly powered by WordPress</a> <span class="sep"> | </span> Theme: Crumb by Ruth A.</div>
</footer>
</div>
<script src="https://crumbjournal.example/wp-includes/js/comment-reply.min.js?ver=5.9.1" id="comment-reply-js"></script>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 07 -- travel blog (Ghost-like theme); the date appears only in the
#       canonical URL.
# ---------------------------------------------------------------------------
page(
    "07_lisbon_tram_travel.html",
    title="Why I ride Lisbon's Tram 28 before breakfast",
    date="2018-06-19", date_where="url", language="en", encoding="utf-8",
    layout="travel blog, html5",
    blocks=[
        "Everyone tells you to ride Tram 28 in Lisbon, and everyone is right. What they do not always mention is that by ten in the morning the queue at Martim Moniz can stretch around the square, and the carriages are so packed that you will see more elbows than <em>azulejos</em>.",
        "My solution, after three visits, is simple: go early. The first trams leave shortly after six, and on a weekday the passengers are mostly cleaners, bakers and schoolchildren rather than visitors with cameras.",
        "Sit on the right-hand side if you can. As the tram climbs through Gra&ccedil;a and squeezes past the cathedral, that side gives the clearest views down the narrow lanes towards the river. The driver will ring the bell at the sharpest corners, and more than once I watched a parked delivery van fold in its mirror with inches to spare.",
        "Get off at Estrela and walk back down through the garden. By then the caf&eacute;s are opening and you can order a <em>gal&atilde;o</em> and a pastry for less than the price of a tourist ticket elsewhere in Europe.",
        "One practical note: buy a rechargeable transport card at a metro station beforehand. Paying the driver in cash costs considerably more and slows everyone down.",
    ],
    template='''
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <meta http-equiv="X-UA-Compatible" content="IE=edge">
    <title>Why I ride Lisbon's Tram 28 before breakfast</title>
    <meta name="HandheldFriendly" content="True">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <link rel="stylesheet" type="text/css" href="/assets/built/screen.css?v=a1b2c3">
    <meta name="description" content="How to ride Lisbon's most famous tram without the crowds.">
    <link rel="canonical" href="https://wanderlines.example/2018/06/19/lisbon-tram-28-early-morning/">
    <meta property="og:site_name" content="Wanderlines">
    <meta property="og:type" content="article">
    <meta property="og:title" content="Why I ride Lisbon's Tram 28 before breakfast">
    <meta name="twitter:label1" content="Written by">
    <meta name="twitter:data1" content="Sofie Brandt">
    <meta name="generator" content="Ghost 1.24">
</head>
<body class="post-template tag-portugal tag-city-breaks">
    <div class="site-wrapper">
        <header class="site-header outer">
            <div class="inner">
                <nav class="site-nav">
                    <div class="site-nav-left">
                        <a class="site-nav-logo" href="https://wanderlines.example">Wanderlines</a>
                        <ul class="nav" role="menu">
                            <li class="nav-home" role="menuitem"><a href="https://wanderlines.example/">Home</a></li>
                            <li class="nav-europe" role="menuitem"><a href="https://wanderlines.example/tag/europe/">Europe</a></li>
                            <li class="nav-asia" role="menuitem"><a href="https://wanderlines.example/tag/asia/">Asia</a></li>
                            <li class="nav-slow-travel" role="menuitem"><a href="https://wanderlines.example/tag/slow-travel/">Slow travel</a></li>
                            <li class="nav-about" role="menuitem"><a href="https://wanderlines.example/about/">About</a></li>
                        </ul>
                    </div>
                    <div class="site-nav-right"><a class="subscribe-button" href="#subscribe">Subscribe</a></div>
                </nav>
            </div>
        </header>
        <main id="site-main" class="site-main outer">
            <div class="inner">
                <article class="post-full post tag-portugal">
                    <header class="post-full-header">
                        <section class="post-full-meta">
                            <a href="/tag/portugal/">Portugal</a> <span class="bull">&bull;</span> 4 min read
                        </section>
                        <h1 class="post-full-title">Why I ride Lisbon's Tram 28 before breakfast</h1>
                    </header>
                    <figure class="post-full-image">
                        <img src="/content/images/2018/06/tram28-grace.jpg" alt="A yellow tram on a steep cobbled street">
                    </figure>
                    <section class="post-full-content">
                        <div class="post-content">
@@1-3@@
<figure class="kg-card kg-image-card"><img src="/content/images/2018/06/tram-window.jpg" class="kg-image" alt=""><figcaption>The view from the right-hand side, somewhere above Alfama.</figcaption></figure>
@@4-5@@
                        </div>
                    </section>
                    <section class="subscribe-form" id="subscribe">
                        <h3 class="subscribe-form-title">Subscribe to Wanderlines</h3>
                        <p>Get the latest posts delivered right to your inbox</p>
                        <form method="post" action="/subscribe/"><input class="subscribe-email" type="email" name="email" placeholder="youremail@example.com"><button type="submit">Subscribe</button></form>
                    </section>
                    <footer class="post-full-footer">
                        <section class="author-card">
                            <img class="author-profile-image" src="/content/images/sofie.jpg" alt="Sofie Brandt">
                            <section class="author-card-content">
                                <h4 class="author-card-name"><a href="/author/sofie/">Sofie Brandt</a></h4>
                                <p>Former tour guide, now slow traveller. Usually on a train.</p>
                            </section>
                        </section>
                    </footer>
                </article>
            </div>
        </main>
        <aside class="read-next outer">
            <div class="inner">
                <div class="read-next-feed">
                    <article class="read-next-card">
                        <header class="read-next-card-header"><small>More in</small> <h3><a href="/tag/portugal/">Portugal</a></h3></header>
                        <div class="read-next-card-content"><ul>
                            <li><a href="/2018/05/30/porto-on-foot/">Porto on foot: a three-day loop</a></li>
                            <li><a href="/2017/10/02/alentejo-by-bus/">Crossing the Alentejo by regional bus</a></li>
                            <li><a href="/2017/09/14/sintra-without-the-crowds/">Sintra without the crowds</a></li>
                        </ul></div>
                    </article>
                    <article class="post-card"><a class="post-card-content-link" href="/2018/06/03/night-train-to-madrid/"><h2 class="post-card-title">The last night train to Madrid</h2><section class="post-card-excerpt"><p>A farewell ride on a route that no longer exists.</p></section></a></article>
                </div>
            </div>
        </aside>
        <footer class="site-footer outer">
            <div class="site-footer-content inner">
                <section class="copyright"><a href="https://wanderlines.example">Wanderlines</a> &copy; 2018</section>
                <nav class="site-footer-nav"><a href="https://wanderlines.example">Latest Posts</a><a href="/rss/">RSS</a><a href="/privacy/">Privacy</a></nav>
            </div>
        </footer>
    </div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 08 -- tech review, ad-heavy, <meta name="date">, visible "Updated" date and
#       a last-modified meta that differ from publication.  Specs box aside.
# ---------------------------------------------------------------------------
page(
    "08_laptop_review.html",
    title="Corvid Air 14 review: a featherweight laptop with a stubborn fan",
    date="2024-01-09", date_where="meta", language="en", encoding="utf-8",
    layout="tech review, ad-heavy, subheadings",
    blocks=[
        "The Corvid Air 14 weighs just under a kilogram, and within a day of carrying it around I had stopped noticing it in my bag. That is the main reason to buy it, and for many people it will be reason enough.",
        ("h", "Design"),
        "The magnesium chassis flexes slightly if you press the middle of the keyboard deck, but the hinge is firm and opens with one hand. There are two USB-C ports on the left, a full-size USB-A port on the right and a headphone jack, which is more than some heavier rivals offer.",
        "The 14-inch matte screen is bright enough to use next to a window, though colours look a little washed out compared with glossy panels. The keyboard has shallow travel but a crisp response, and the glass trackpad is large and accurate.",
        ("h", "Performance and battery"),
        "For browsing, documents and video calls the Air 14 never felt slow. Under sustained load, such as exporting a long video, the processor throttles noticeably and the single fan settles into a high-pitched whine that is hard to ignore in a quiet room.",
        "Battery life was the pleasant surprise. In our standard test of looping web pages at fixed brightness, it lasted 13 hours and 20 minutes, and a full day of real work left around a third of the charge.",
        ("h", "Verdict"),
        "If you mostly write, browse and travel, the Corvid Air 14 is one of the easiest laptops to live with. If your work involves heavy exports or compiling large projects, the fan noise will wear on you, and a slightly heavier machine would serve you better.",
    ],
    pfmt="<p>{}</p>",
    hfmt='<h2 class="gb-h2">{}</h2>',
    template='''
<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<title>Corvid Air 14 review: a featherweight laptop with a stubborn fan | Gadget Bench</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="date" content="2024-01-09">
<meta name="last-modified" content="2024-02-01">
<meta name="author" content="Priyanka Dev">
<meta name="keywords" content="Corvid Air 14, laptop review, ultrabook">
<meta property="og:site_name" content="Gadget Bench">
<meta property="og:type" content="article">
<link rel="canonical" href="https://gadgetbench.example/reviews/laptops/corvid-air-14">
<script async src="https://prebid.adstack.example/pb.js"></script>
<script async src="https://cdn.contentrec.example/widget.js"></script>
</head>
<body class="review-page">
<div class="ad-container ad-billboard"><span class="ad-label">Advertisement</span><div id="div-gpt-ad-billboard" style="min-height:250px"><iframe src="https://ads.adstack.example/frame?s=970x250&amp;p=reviews" width="970" height="250" frameborder="0"></iframe></div></div>
<header class="gb-header">
  <a class="gb-logo" href="/">Gadget<strong>Bench</strong></a>
  <ul class="gb-menu"><li><a href="/reviews">Reviews</a></li><li><a href="/news">News</a></li><li><a href="/deals">Deals</a></li><li><a href="/best">Best lists</a></li><li><a href="/how-to">How-to</a></li></ul>
  <a class="gb-deals-pill" href="/deals">Today's deals</a>
</header>
<div class="gb-layout">
<div class="gb-article">
  <p class="gb-crumb"><a href="/reviews">Reviews</a> &gt; <a href="/reviews/laptops">Laptops</a></p>
  <h1>Corvid Air 14 review: a featherweight laptop with a stubborn fan</h1>
  <p class="gb-byline">By <a href="/staff/priyanka-dev">Priyanka Dev</a> &middot; <span class="gb-updated">Updated Feb 1, 2024</span></p>
  <div class="gb-affiliate-note">When you buy through links on our site, we may earn an affiliate commission.</div>
  <div class="gb-score"><span class="gb-stars">3.5 out of 5</span><ul class="pros"><li>Very light</li><li>Excellent battery life</li><li>Good port selection</li></ul><ul class="cons"><li>Whiny fan under load</li><li>Muted colours</li></ul></div>
  <div class="gb-buy-box"><span class="ad-label">Sponsored</span><a href="https://shop.example/corvid-air-14?tag=gb-21" rel="sponsored nofollow">Check price at ShopMart</a> <a href="https://store2.example/air14?ref=gadgetbench" rel="sponsored nofollow">See it at TechWarehouse</a></div>
  <div class="gb-body">
@@1@@
    <div class="ad-container ad-inline"><span class="ad-label">Advertisement</span><iframe src="https://ads.adstack.example/frame?s=300x250&amp;p=inline1" width="300" height="250" frameborder="0"></iframe></div>
@@2-4@@
    <div class="ad-container ad-inline"><span class="ad-label">Advertisement</span><iframe src="https://ads.adstack.example/frame?s=300x250&amp;p=inline2" width="300" height="250" frameborder="0"></iframe></div>
@@5-6@@
    <div class="gb-promo sponsored"><span class="ad-label">Sponsored</span><p><a href="https://vpn.example/offer?src=gb">Protect your new laptop: get 70% off a two-year VPN plan today</a></p></div>
@@7@@
    <div class="ad-container ad-inline"><span class="ad-label">Advertisement</span><iframe src="https://ads.adstack.example/frame?s=300x250&amp;p=inline3" width="300" height="250" frameborder="0"></iframe></div>
@@8-9@@
  </div>
  <aside class="gb-specs">
    <h3>Corvid Air 14 specs</h3>
    <dl><dt>Weight</dt><dd>0.98 kg</dd><dt>Screen</dt><dd>14-inch, 2240 x 1400, matte</dd><dt>Memory</dt><dd>16 GB</dd><dt>Storage</dt><dd>512 GB SSD</dd><dt>Ports</dt><dd>2x USB-C, 1x USB-A, 3.5 mm audio</dd></dl>
  </aside>
  <div class="gb-also">
    <h3>You might also like</h3>
    <a href="/reviews/laptops/quill-book-13">Quill Book 13 review</a> <a href="/best/lightweight-laptops">The best lightweight laptops</a> <a href="/how-to/laptop-fan-noise">How to make a noisy laptop fan quieter</a>
  </div>
  <div class="ob-widget" data-widget-id="AR_1">
    <h3 class="ob-widget-header">Around the web</h3>
    <ul class="ob-grid">
      <li><a href="https://click.contentrec.example/c?x=11"><img src="https://img.contentrec.example/11.jpg" alt="">The laptop trick IT departments don't want you to know</a><span>TechHacks</span></li>
      <li><a href="https://click.contentrec.example/c?x=12"><img src="https://img.contentrec.example/12.jpg" alt="">Seniors are flocking to this new phone plan</a><span>Sponsored | MobileSave</span></li>
      <li><a href="https://click.contentrec.example/c?x=13"><img src="https://img.contentrec.example/13.jpg" alt="">This is what happens when you leave your laptop plugged in</a><span>GadgetWire</span></li>
      <li><a href="https://click.contentrec.example/c?x=14"><img src="https://img.contentrec.example/14.jpg" alt="">29 gadgets that are selling out fast this winter</a><span>DealsTrend</span></li>
    </ul>
  </div>
</div>
<aside class="gb-rail">
  <div class="ad-container ad-rail"><span class="ad-label">Advertisement</span><iframe src="https://ads.adstack.example/frame?s=300x600&amp;p=rail" width="300" height="600" frameborder="0"></iframe></div>
  <div class="gb-popular"><h4>Popular now</h4><ol><li><a href="/news/phone-price-leak">Next flagship phone price leaks</a></li><li><a href="/deals/headphones">Noise-cancelling headphones drop to record low</a></li><li><a href="/how-to/reset-router">How to reset your router properly</a></li></ol></div>
  <div class="ad-container ad-rail"><span class="ad-label">Advertisement</span><iframe src="https://ads.adstack.example/frame?s=300x250&amp;p=rail2" width="300" height="250" frameborder="0"></iframe></div>
</aside>
</div>
<footer class="gb-footer"><p><a href="/about">About</a> &middot; <a href="/how-we-test">How we test</a> &middot; <a href="/affiliate-disclosure">Affiliate disclosure</a> &middot; <a href="/privacy">Privacy</a> &middot; <a href="/do-not-sell">Do not sell my info</a></p><p>&copy; Gadget Bench Media</p></footer>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 09 -- op-ed on an old table-based site (HTML 4 doctype, <font>, unclosed
#       <p>), no lang attribute, date only in the visible byline.
# ---------------------------------------------------------------------------
page(
    "09_oped_bus_schedules.html",
    title="Opinion: Our buses should run on the schedule people actually keep",
    date="2017-03-12", date_where="byline-text", language="en", encoding="utf-8",
    layout="op-ed, old table layout",
    blocks=[
        "Every few years the county reviews its bus network, and every few years the conclusion is the same: ridership is down, so service must be cut. I would like to suggest that the county has the order of cause and effect backwards.",
        "Look at when the buses run. The last departure from the hospital to the north side leaves at 6:40 in the evening. Anyone who works a late shift there, and hundreds of people do, cannot use the bus to get home. Of course they buy a car, and of course they stop riding.",
        "The same is true on weekends, when half of the routes do not run at all. Retail and restaurant workers, who are among the people least able to afford a second vehicle, are left to arrange lifts or pay for taxis.",
        "I understand that the transit budget is tight. But cutting the routes that already struggle to attract riders only guarantees that they will struggle more. A better approach would be to pick two or three corridors and run them frequently, early and late, seven days a week, and then measure what happens.",
        "Other mid-sized towns have tried exactly this and seen ridership rise within a year. We could at least run the experiment before we give up on the buses entirely.",
    ],
    pfmt="<p>{}",
    template='''
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<HTML>
<HEAD>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=utf-8">
<TITLE>The Valley Courier - Opinion: Our buses should run on the schedule people actually keep</TITLE>
<META NAME="keywords" CONTENT="valley courier, opinion, buses, transit, county">
<LINK REL="stylesheet" HREF="/css/courier.css" TYPE="text/css">
<SCRIPT LANGUAGE="JavaScript" SRC="/js/rollover.js"></SCRIPT>
</HEAD>
<BODY BGCOLOR="#FFFFFF" TOPMARGIN="0" LEFTMARGIN="0" MARGINWIDTH="0" MARGINHEIGHT="0">
<TABLE WIDTH="780" BORDER="0" CELLPADDING="0" CELLSPACING="0" ALIGN="center">
<TR>
  <TD COLSPAN="3" BGCOLOR="#003366"><A HREF="/"><IMG SRC="/images/masthead.gif" WIDTH="780" HEIGHT="90" BORDER="0" ALT="The Valley Courier"></A></TD>
</TR>
<TR>
  <TD COLSPAN="3" BGCOLOR="#CCCCCC" ALIGN="center"><FONT FACE="Arial" SIZE="1"><A HREF="/news/">NEWS</A> | <A HREF="/sports/">SPORTS</A> | <A HREF="/opinion/">OPINION</A> | <A HREF="/obits/">OBITUARIES</A> | <A HREF="/classifieds/">CLASSIFIEDS</A> | <A HREF="/weather/">WEATHER</A> | <A HREF="/archives/">ARCHIVES</A></FONT></TD>
</TR>
<TR>
  <TD WIDTH="150" VALIGN="top" BGCOLOR="#EEEEEE">
    <TABLE WIDTH="150" BORDER="0" CELLPADDING="4">
      <TR><TD><FONT FACE="Arial" SIZE="2"><B>Sections</B></FONT></TD></TR>
      <TR><TD><FONT FACE="Arial" SIZE="2"><A HREF="/news/local/">Local News</A><BR><A HREF="/news/county/">County</A><BR><A HREF="/news/schools/">Schools</A><BR><A HREF="/opinion/editorials/">Editorials</A><BR><A HREF="/opinion/letters/">Letters</A><BR><A HREF="/opinion/columns/">Columns</A><BR><A HREF="/contact/">Contact Us</A></FONT></TD></TR>
      <TR><TD><FONT FACE="Arial" SIZE="1"><B>Submit a letter</B><BR>Letters must be under 300 words and include your name and town.</FONT></TD></TR>
    </TABLE>
  </TD>
  <TD WIDTH="470" VALIGN="top">
    <TABLE WIDTH="100%" BORDER="0" CELLPADDING="10"><TR><TD>
    <FONT FACE="Georgia, Times New Roman" SIZE="2" COLOR="#990000"><B>GUEST OPINION</B></FONT><BR>
    <FONT FACE="Georgia, Times New Roman" SIZE="5"><B>Our buses should run on the schedule people actually keep</B></FONT><BR><BR>
    <FONT FACE="Arial" SIZE="2"><B>By Harold Pemberton</B><BR>March 12, 2017</FONT><BR>
    <FONT FACE="Arial" SIZE="1"><A HREF="javascript:window.print()">Printer-friendly version</A> | <A HREF="/email-a-friend/">E-mail this story</A></FONT>
    <FONT FACE="Georgia, Times New Roman" SIZE="3">
@@1-5@@
    <p><I>Harold Pemberton is a retired school administrator who lives on the north side.</I>
    </FONT>
    </TD></TR></TABLE>
  </TD>
  <TD WIDTH="160" VALIGN="top">
    <A HREF="http://ads.valleyads.example/click?id=4471"><IMG SRC="http://ads.valleyads.example/banners/160x600_carlot.gif" WIDTH="160" HEIGHT="600" BORDER="0" ALT="Advertisement"></A>
    <BR><FONT FACE="Arial" SIZE="1"><B>Other opinions</B><BR><A HREF="/opinion/library-hours/">Keep the library open on Sundays</A><BR><A HREF="/opinion/school-levy/">Why I'm voting yes on the levy</A></FONT>
  </TD>
</TR>
<TR>
  <TD COLSPAN="3" BGCOLOR="#003366" ALIGN="center"><FONT FACE="Arial" SIZE="1" COLOR="#FFFFFF">Copyright &copy; The Valley Courier. All rights reserved. | <A HREF="/privacy/"><FONT COLOR="#FFFFFF">Privacy</FONT></A> | <A HREF="/subscribe/"><FONT COLOR="#FFFFFF">Subscribe</FONT></A></FONT></TD>
</TR>
</TABLE>
</BODY>
</HTML>
''')

# ---------------------------------------------------------------------------
# 10 -- press release on a distribution site, article:published_time plus a
#       later article:modified_time; contact box outside the body; "recent
#       releases" list with other dates.
# ---------------------------------------------------------------------------
page(
    "10_press_release_battery_recycling.html",
    title="Halvorsen Energy opens battery recycling plant in Kolding",
    date="2020-11-30", date_where="meta", language="en", encoding="utf-8",
    layout="press release, divs",
    blocks=[
        "KOLDING, Denmark &ndash; Halvorsen Energy today announced the opening of its first battery recycling facility, a 9,000-square-metre plant designed to recover lithium, nickel and cobalt from used electric vehicle batteries and factory scrap.",
        "At full capacity the plant will process around 12,000 tonnes of battery material per year. The company uses a low-temperature hydrometallurgical process that, according to its own testing, recovers more than 90 percent of the key metals while using less energy than conventional smelting.",
        "&ldquo;Every battery that reaches the end of its life is a small mine sitting above ground,&rdquo; said Ingrid Halvorsen, chief executive of Halvorsen Energy. &ldquo;Our job is to make sure those materials go back into new cells instead of into landfill.&rdquo;",
        "The facility employs 85 people and has signed supply agreements with two European vehicle manufacturers and one cell producer. Recovered materials will be sold back into the battery supply chain in the form of metal salts.",
        "Construction of a second line, which would double capacity, is planned to begin in 2022 subject to permitting.",
        ("h", "About Halvorsen Energy"),
        "Halvorsen Energy is a privately held Danish company founded in 2016. It develops recycling technology for lithium-ion batteries and operates facilities in Denmark and Sweden.",
    ],
    pfmt='<p class="pr-p">{}</p>',
    hfmt='<p class="pr-p"><b>{}</b></p>',
    template='''
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Halvorsen Energy opens battery recycling plant in Kolding | Wirefront</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta property="og:site_name" content="Wirefront">
<meta property="og:type" content="article">
<meta property="og:title" content="Halvorsen Energy opens battery recycling plant in Kolding">
<meta property="article:published_time" content="2020-11-30T07:00:00+00:00">
<meta property="article:modified_time" content="2021-01-15T16:20:00+00:00">
<meta name="author" content="Halvorsen Energy A/S">
<link rel="canonical" href="https://wirefront.example/news-releases/halvorsen-energy-opens-battery-recycling-plant-in-kolding-301184220.html">
<link rel="stylesheet" href="/css/wf.css">
</head>
<body>
<div class="wf-top">
  <div class="wf-logo"><a href="/">WIREFRONT</a></div>
  <div class="wf-links"><a href="/news-releases">News</a> <a href="/industries">Industries</a> <a href="/send-release">Send a release</a> <a href="/journalists">For journalists</a> <a href="/login">Log in</a></div>
</div>
<div class="wf-main">
  <div class="wf-release">
    <div class="wf-back"><a href="/news-releases">&larr; Back to news releases</a></div>
    <div class="wf-company-logo"><img src="/logos/halvorsen-energy.png" alt="Halvorsen Energy logo"></div>
    <h1 class="wf-title">Halvorsen Energy opens battery recycling plant in Kolding</h1>
    <div class="wf-subtitle">New facility can process 12,000 tonnes of battery material a year</div>
    <div class="wf-provided">Provided by <a href="/company/halvorsen-energy">Halvorsen Energy A/S</a></div>
    <div class="wf-share"><a href="#">Share on LinkedIn</a> <a href="#">Share on X</a> <a href="#">Email</a> <a href="#">Print</a> <a href="#">Download PDF</a></div>
    <div class="wf-release-body">
@@1-7@@
    </div>
    <div class="wf-contact">
      <h3>Media contact</h3>
      <p>Signe Mortensen, Head of Communications<br>press@halvorsen-energy.example<br>+45 00 00 00 00</p>
    </div>
    <div class="wf-source">SOURCE Halvorsen Energy A/S</div>
    <div class="wf-related">
      <h3>Also from this source</h3>
      <ul>
        <li><a href="/news-releases/halvorsen-energy-secures-funding-300998121.html">Halvorsen Energy secures funding for Danish recycling plant</a> <span>Feb 03, 2020</span></li>
        <li><a href="/news-releases/halvorsen-energy-pilot-results-300877410.html">Halvorsen Energy reports pilot plant results</a> <span>Jul 18, 2019</span></li>
      </ul>
    </div>
  </div>
  <div class="wf-side">
    <h4>Latest releases</h4>
    <ul>
      <li><a href="/news-releases/301184310.html">Nordic wind operator completes offshore cable upgrade</a><br><small>Nov 30, 2020</small></li>
      <li><a href="/news-releases/301183995.html">Logistics firm opens automated hub near Hamburg</a><br><small>Nov 29, 2020</small></li>
      <li><a href="/news-releases/301183702.html">Medtech start-up receives CE mark for glucose sensor</a><br><small>Nov 27, 2020</small></li>
    </ul>
    <div class="wf-cta"><h4>Distribute your news</h4><p>Reach journalists and investors across Europe.</p><a href="/send-release">Get started</a></div>
  </div>
</div>
<div class="wf-footer">
  <p><a href="/about">About Wirefront</a> | <a href="/contact">Contact</a> | <a href="/terms">Terms of use</a> | <a href="/privacy">Privacy policy</a> | <a href="/cookies">Cookie settings</a></p>
  <p>&copy; Wirefront Ltd. All content is provided by the issuer; Wirefront is not responsible for its accuracy.</p>
</div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 11 -- German local news, HTML5, date only in <time datetime>.
# ---------------------------------------------------------------------------
page(
    "11_de_radweg_stadtrat.html",
    title="Stadtrat beschließt geschützten Radweg auf der Lindenallee",
    date="2022-07-05", date_where="time-element", language="de", encoding="utf-8",
    layout="news, html5 article, german",
    blocks=[
        "Nach monatelangen Diskussionen hat der Stadtrat am Dienstagabend mit knapper Mehrheit beschlossen, auf der Lindenallee einen baulich getrennten Radweg einzurichten. Für den Antrag stimmten 23 Ratsmitglieder, 21 waren dagegen, zwei enthielten sich.",
        "Künftig soll auf beiden Seiten der Straße jeweils eine Fahrspur für Autos entfallen. Stattdessen werden zwei Meter breite Radstreifen angelegt, die durch niedrige Betonelemente vom übrigen Verkehr getrennt sind. Die Parkplätze am Straßenrand bleiben größtenteils erhalten.",
        "Die Befürworter verweisen auf die Unfallstatistik: Allein im vergangenen Jahr registrierte die Polizei auf dem etwa 1,4 Kilometer langen Abschnitt elf Unfälle mit verletzten Radfahrern. „Wir können nicht warten, bis etwas Schlimmeres passiert“, sagte die Fraktionsvorsitzende der Grünen, Annette Krüger.",
        "Kritik kam vor allem von Einzelhändlern. Sie befürchten, dass Lieferverkehr und Kundschaft durch die schmalere Fahrbahn abgeschreckt werden. Der Vorsitzende der örtlichen Werbegemeinschaft, Bernd Hollmann, kündigte an, die Umsetzung genau zu beobachten.",
        "Die Bauarbeiten sollen im Frühjahr beginnen und rund vier Monate dauern. Die Kosten von etwa 850.000 Euro werden zu großen Teilen aus einem Förderprogramm des Landes getragen.",
    ],
    template='''
<!DOCTYPE html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <title>Stadtrat beschließt geschützten Radweg auf der Lindenallee | Rheinbote</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="Mit 23 zu 21 Stimmen hat der Stadtrat einen baulich getrennten Radweg auf der Lindenallee beschlossen.">
  <meta property="og:site_name" content="Rheinbote">
  <meta property="og:locale" content="de_DE">
  <link rel="canonical" href="https://rheinbote.example/lokales/stadtrat-beschliesst-radweg-lindenallee-id4412873.html">
  <link rel="stylesheet" href="/static/rb.css">
</head>
<body>
  <div class="consent-layer" id="consent">
    <p>Wir und unsere Partner verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren und Werbung auszuspielen. Mit „Alle akzeptieren“ stimmen Sie der Verarbeitung zu.</p>
    <button>Alle akzeptieren</button> <button>Einstellungen</button> <a href="/pur-abo">Werbefrei lesen mit PUR</a>
  </div>
  <header class="rb-header">
    <a href="/" class="rb-logo">Rheinbote</a>
    <nav class="rb-nav">
      <ul>
        <li><a href="/lokales">Lokales</a></li>
        <li><a href="/politik">Politik</a></li>
        <li><a href="/wirtschaft">Wirtschaft</a></li>
        <li><a href="/sport">Sport</a></li>
        <li><a href="/kultur">Kultur</a></li>
        <li><a href="/ratgeber">Ratgeber</a></li>
        <li><a href="/epaper">E-Paper</a></li>
      </ul>
    </nav>
  </header>
  <main class="rb-main">
    <ol class="rb-breadcrumb"><li><a href="/">Startseite</a></li><li><a href="/lokales">Lokales</a></li><li>Verkehr</li></ol>
    <article class="rb-article">
      <header>
        <p class="rb-kicker">Verkehrswende</p>
        <h1>Stadtrat beschließt geschützten Radweg auf der Lindenallee</h1>
        <p class="rb-teaser">Knappe Mehrheit nach langer Debatte: Zwei Autospuren weichen getrennten Radstreifen.</p>
        <div class="rb-meta">
          <span class="rb-author">Von Jana Wellbrock</span>
          <time datetime="2022-07-05T21:34:00+02:00">05.07.22, 21:34 Uhr</time>
          <span class="rb-readtime">Lesezeit: 3 Minuten</span>
        </div>
      </header>
      <figure class="rb-figure">
        <img src="/bilder/lindenallee-radweg.jpg" alt="Radfahrer auf der Lindenallee">
        <figcaption>Auf der Lindenallee teilen sich Radfahrer bislang die Fahrbahn mit dem Autoverkehr. Foto: Rheinbote/Archiv</figcaption>
      </figure>
      <div class="rb-text">
@@1-3@@
        <div class="rb-inline-teaser"><span>Lesen Sie auch:</span> <a href="/lokales/fahrradstrassen-innenstadt-id4409911.html">Drei neue Fahrradstraßen in der Innenstadt geplant</a></div>
@@4-5@@
      </div>
      <div class="rb-share">Artikel teilen: <a href="#">Facebook</a> <a href="#">WhatsApp</a> <a href="#">E-Mail</a></div>
    </article>
    <section class="rb-more">
      <h2>Mehr aus Lokales</h2>
      <ul>
        <li><a href="/lokales/freibad-saison-verlaengert-id4411002.html">Freibad verlängert die Saison bis Mitte September</a></li>
        <li><a href="/lokales/baustelle-rheinbruecke-id4410876.html">Baustelle an der Rheinbrücke: Sperrung am Wochenende</a></li>
        <li><a href="/lokales/neue-kita-suedviertel-id4410201.html">Neue Kita im Südviertel öffnet im Herbst</a></li>
      </ul>
    </section>
  </main>
  <footer class="rb-footer">
    <ul><li><a href="/impressum">Impressum</a></li><li><a href="/datenschutz">Datenschutz</a></li><li><a href="/agb">AGB</a></li><li><a href="/kontakt">Kontakt</a></li><li><a href="/abo">Abo</a></li></ul>
    <p>&copy; Rheinbote Mediengruppe</p>
  </footer>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 12 -- French regional news, JSON-LD NewsArticle (datePublished only in the
#       JSON-LD; the visible line has no date), div layout.
# ---------------------------------------------------------------------------
page(
    "12_fr_vendanges_precoces.html",
    title="Vendanges précoces dans le Bordelais : les vignerons s'adaptent à la chaleur",
    date="2019-09-18", date_where="json-ld", language="fr", encoding="utf-8",
    layout="regional news, json-ld, french",
    blocks=[
        "Les sécateurs sont sortis plus tôt que prévu cette année dans plusieurs domaines de l'Entre-deux-Mers. Après un été marqué par deux épisodes de forte chaleur, certains vignerons ont commencé à récolter leurs raisins blancs dès la fin du mois d'août.",
        "« Il y a vingt ans, on ne vendangeait jamais le sauvignon avant la mi-septembre », explique Hélène Castaing, qui exploite douze hectares près de Créon. « Aujourd'hui, si l'on attend trop, on perd l'acidité et le vin devient lourd. »",
        "Pour limiter les effets de la chaleur, beaucoup de domaines vendangent désormais la nuit ou au petit matin, lorsque les températures sont plus basses. Les raisins arrivent ainsi plus frais au chai, ce qui réduit les risques d'oxydation.",
        "D'autres misent sur le long terme. Certains producteurs replantent des parcelles avec des cépages plus tardifs ou testent des variétés venues du sud de l'Europe, autorisées à titre expérimental dans l'appellation.",
        "Les rendements de cette année devraient rester proches de la moyenne, selon la chambre d'agriculture. La qualité, en revanche, s'annonce prometteuse pour les rouges, dont la maturité est jugée excellente.",
    ],
    pfmt='<p class="article__paragraph">{}</p>',
    template='''
<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Vendanges précoces dans le Bordelais : les vignerons s'adaptent à la chaleur - Le Courrier des Coteaux</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Dans l'Entre-deux-Mers, les vendanges des blancs ont commencé dès la fin août.">
<link rel="canonical" href="https://courrier-coteaux.example/economie/viticulture/vendanges-precoces-bordelais-vignerons-chaleur_8841.html">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","mainEntityOfPage":{"@type":"WebPage","@id":"https://courrier-coteaux.example/economie/viticulture/vendanges-precoces-bordelais-vignerons-chaleur_8841.html"},"headline":"Vendanges précoces dans le Bordelais : les vignerons s'adaptent à la chaleur","image":["https://courrier-coteaux.example/img/vendanges-nuit.jpg"],"datePublished":"2019-09-18T06:00:00+02:00","author":{"@type":"Person","name":"Marc Duvignau"},"publisher":{"@type":"Organization","name":"Le Courrier des Coteaux","logo":{"@type":"ImageObject","url":"https://courrier-coteaux.example/logo.png"}},"isAccessibleForFree":"False","hasPart":{"@type":"WebPageElement","isAccessibleForFree":"False","cssSelector":".paywall"}}</script>
<link rel="stylesheet" href="/css/cdc.min.css">
</head>
<body>
<div id="didomi-notice" class="cookie-notice">En poursuivant votre navigation, vous acceptez l'utilisation de cookies à des fins de mesure d'audience et de publicité. <a href="/cookies">En savoir plus</a> <button>J'accepte</button></div>
<div class="header">
  <div class="header__logo"><a href="/">Le Courrier des Coteaux</a></div>
  <div class="header__menu">
    <a href="/actualite">Actualité</a>
    <a href="/economie">Économie</a>
    <a href="/sports">Sports</a>
    <a href="/loisirs">Loisirs</a>
    <a href="/gironde">Gironde</a>
    <a href="/abonnement" class="header__abo">S'abonner</a>
  </div>
</div>
<div class="page">
  <div class="article">
    <div class="article__rubrique"><a href="/economie/viticulture">Viticulture</a></div>
    <h1 class="article__title">Vendanges précoces dans le Bordelais : les vignerons s'adaptent à la chaleur</h1>
    <div class="article__chapo">Dans l'Entre-deux-Mers, la récolte des blancs a commencé dès la fin août. Une avance qui devient la norme.</div>
    <div class="article__signature">Par Marc Duvignau</div>
    <div class="article__media"><img src="/img/vendanges-nuit.jpg" alt=""><div class="article__legende">Vendange de nuit près de Créon, pour préserver la fraîcheur des raisins. Photo Le Courrier des Coteaux</div></div>
    <div class="article__content paywall">
@@1-2@@
      <div class="article__encadre"><strong>À lire aussi</strong> <a href="/economie/viticulture/gel-printemps-degats_8790.html">Gel de printemps : des dégâts très variables selon les parcelles</a></div>
@@3-5@@
    </div>
    <div class="article__tags">Mots-clés : <a href="/tag/vendanges">Vendanges</a>, <a href="/tag/climat">Climat</a>, <a href="/tag/entre-deux-mers">Entre-deux-Mers</a></div>
    <div class="article__partage">Partager : <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Envoyer par mail</a></div>
  </div>
  <div class="sidebar">
    <div class="bloc-pub"><span>Publicité</span><div class="pub-300x250"></div></div>
    <div class="bloc-lesplus">
      <h3>Les plus lus</h3>
      <ol>
        <li><a href="/gironde/rocade-travaux-nuit_8835.html">Rocade : travaux de nuit pendant trois semaines</a></li>
        <li><a href="/sports/rugby-derby-report_8829.html">Rugby : le derby reporté à cause de la pluie</a></li>
        <li><a href="/loisirs/fete-des-vins-programme_8822.html">Fête des vins : le programme complet</a></li>
      </ol>
    </div>
  </div>
</div>
<div class="footer">
  <ul><li><a href="/mentions-legales">Mentions légales</a></li><li><a href="/cgu">CGU</a></li><li><a href="/confidentialite">Politique de confidentialité</a></li><li><a href="/contact">Nous contacter</a></li><li><a href="/publicite">Publicité</a></li></ul>
  <p>© Le Courrier des Coteaux - Tous droits réservés</p>
</div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 13 -- Spanish city news, ad-heavy, <meta name="date">, sidebar with dates.
# ---------------------------------------------------------------------------
page(
    "13_es_mercado_horario.html",
    title="El Mercado Central amplía su horario los sábados por la tarde",
    date="2016-02-29", date_where="meta", language="es", encoding="utf-8",
    layout="city news, ad-heavy, spanish",
    blocks=[
        "El Mercado Central abrirá los sábados hasta las ocho de la tarde a partir del próximo mes, según anunció ayer la asociación de comerciantes tras una votación en la que participaron más de doscientos puestos.",
        "Hasta ahora, la mayoría de los vendedores cerraba a las tres, lo que dejaba sin opciones a quienes trabajan por la mañana. «Muchos clientes nos decían que solo podían venir el sábado y que llegaban con prisa», explicó Carmen Llorens, presidenta de la asociación.",
        "La ampliación será voluntaria durante los primeros seis meses. Los puestos que decidan abrir por la tarde recibirán una reducción en la tasa de limpieza, y el ayuntamiento reforzará la iluminación de los accesos laterales.",
        "Algunos pescaderos se muestran escépticos, ya que gran parte de su género se vende a primera hora. Otros, en cambio, ven una oportunidad para atraer a visitantes que hasta ahora solo conocían el edificio por sus vidrieras y su cúpula.",
        "La asociación evaluará los resultados en otoño y decidirá entonces si el nuevo horario se mantiene de forma permanente.",
    ],
    template='''
<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<title>El Mercado Central amplía su horario los sábados por la tarde | Diario del Turia</title>
<meta name="date" content="2016-02-29T09:12:00+01:00">
<meta name="author" content="Redacción">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="Diario del Turia">
<link rel="canonical" href="https://diarioturia.example/ciudad/mercado-central-amplia-horario-sabados-tarde-n48121">
<script async src="https://ads.redpublicitaria.example/loader.js"></script>
</head>
<body>
<div class="publi publi-cabecera"><span class="publi-etiqueta">Publicidad</span><iframe src="https://ads.redpublicitaria.example/f?s=970x90&amp;sec=ciudad" width="970" height="90" frameborder="0"></iframe></div>
<div class="cabecera">
  <a class="marca" href="/">Diario del Turia</a>
  <div class="menu"><a href="/ciudad">Ciudad</a> <a href="/comunitat">Comunitat</a> <a href="/espana">España</a> <a href="/deportes">Deportes</a> <a href="/cultura">Cultura</a> <a href="/gastronomia">Gastronomía</a> <a href="/esquelas">Esquelas</a></div>
</div>
<div class="contenedor">
  <div class="col-noticia">
    <div class="antetitulo">Comercio</div>
    <h1 class="titular">El Mercado Central amplía su horario los sábados por la tarde</h1>
    <h2 class="entradilla">Los puestos podrán abrir hasta las 20.00 horas de forma voluntaria durante seis meses</h2>
    <div class="firma">Redacción &middot; Valencia</div>
    <div class="compartir"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a> <a href="#">Telegram</a></div>
    <div class="foto"><img src="/fotos/mercado-central.jpg" alt=""><p class="pie">Interior del Mercado Central en una mañana de sábado. (Foto: D. T.)</p></div>
    <div class="cuerpo-noticia">
@@1@@
      <div class="publi publi-roba"><span class="publi-etiqueta">Publicidad</span><iframe src="https://ads.redpublicitaria.example/f?s=300x250&amp;sec=ciudad&amp;pos=1" width="300" height="250" frameborder="0"></iframe></div>
@@2@@
      <div class="patrocinado"><span class="publi-etiqueta">Contenido patrocinado</span><a href="https://seguros.example/hogar?utm_source=dt"><img src="https://seguros.example/banner.jpg" alt=""> Seguro de hogar desde 9 euros al mes: calcula tu precio en dos minutos</a></div>
@@3@@
      <div class="publi publi-roba"><span class="publi-etiqueta">Publicidad</span><iframe src="https://ads.redpublicitaria.example/f?s=300x250&amp;sec=ciudad&amp;pos=2" width="300" height="250" frameborder="0"></iframe></div>
@@4-5@@
    </div>
    <div class="te-puede-interesar">
      <h3>Te puede interesar</h3>
      <div class="rejilla">
        <a href="https://clk.recomienda.example/1"><img src="https://img.recomienda.example/a.jpg" alt=""><span>El truco de los cocineros para que las lentejas no se peguen</span></a>
        <a href="https://clk.recomienda.example/2"><img src="https://img.recomienda.example/b.jpg" alt=""><span>Así es la casa más estrecha de la ciudad</span></a>
        <a href="https://clk.recomienda.example/3"><img src="https://img.recomienda.example/c.jpg" alt=""><span>Patrocinado: Jubilados que cobran más gracias a este plan</span></a>
      </div>
    </div>
  </div>
  <div class="col-lateral">
    <div class="publi publi-lateral"><span class="publi-etiqueta">Publicidad</span><iframe src="https://ads.redpublicitaria.example/f?s=300x600&amp;sec=ciudad" width="300" height="600" frameborder="0"></iframe></div>
    <div class="lo-mas-leido">
      <h3>Lo más leído</h3>
      <ul>
        <li><a href="/ciudad/fallas-2016-programa-n48110">Fallas 2016: todo el programa de actos</a> <span class="fecha">27/02/2016</span></li>
        <li><a href="/ciudad/emt-nuevas-lineas-n48099">La EMT estrena dos líneas nocturnas</a> <span class="fecha">26/02/2016</span></li>
        <li><a href="/deportes/derbi-mestalla-n48085">Crónica del derbi en Mestalla</a> <span class="fecha">24/02/2016</span></li>
      </ul>
    </div>
  </div>
</div>
<div class="pie-pagina">
  <p><a href="/aviso-legal">Aviso legal</a> · <a href="/privacidad">Política de privacidad</a> · <a href="/cookies">Política de cookies</a> · <a href="/contacto">Contacto</a> · <a href="/publicidad">Publicidad</a></p>
  <p>Diario del Turia, S. L. Todos los derechos reservados.</p>
</div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 14 -- Portuguese regional news, date only in visible text
#       ("Publicado em 12 de agosto de 2020"), list-based "Últimas" sidebar.
# ---------------------------------------------------------------------------
page(
    "14_pt_surf_ericeira.html",
    title="Ericeira recebe etapa do circuito nacional de surf com ondas de dois metros",
    date="2020-08-12", date_where="byline-text", language="pt", encoding="utf-8",
    layout="regional news, portuguese, divs",
    blocks=[
        "A Praia de Ribeira d'Ilhas voltou a encher-se de público neste fim de semana para receber uma etapa do circuito nacional de surf, disputada com ondas que chegaram aos dois metros na manhã de domingo.",
        "A competição contou com 96 atletas em quatro categorias. Na final masculina, o surfista local Tiago Meireles levou a melhor sobre o campeão em título, graças a uma onda de direita que os juízes pontuaram com 8,5.",
        "No feminino, a vitória coube a Beatriz Almada, de Peniche, que dominou a final do princípio ao fim. &quot;As condições estavam difíceis, com muita corrente, mas soube escolher bem as ondas&quot;, afirmou no final.",
        "A organização adotou regras sanitárias especiais, com lotação limitada na zona das bancadas e circulação num só sentido no acesso à praia. Ainda assim, o estacionamento da vila ficou esgotado logo ao início da manhã.",
        "A próxima etapa está marcada para outubro, na Costa da Caparica.",
    ],
    pfmt='<p class="texto">{}</p>',
    template='''
<!DOCTYPE html>
<html lang="pt-PT">
<head>
<meta charset="utf-8">
<title>Ericeira recebe etapa do circuito nacional de surf com ondas de dois metros - Notícias do Oeste</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="Rui Carvalhal">
<meta property="og:site_name" content="Notícias do Oeste">
<link rel="canonical" href="https://noticiasdooeste.example/desporto/ericeira-recebe-etapa-circuito-nacional-surf">
<link rel="stylesheet" href="/css/ndo.css">
</head>
<body>
<div id="topo">
  <div class="logotipo"><a href="/">Notícias do Oeste</a></div>
  <div class="menu-principal">
    <a href="/regiao">Região</a> <a href="/desporto">Desporto</a> <a href="/economia">Economia</a> <a href="/cultura">Cultura</a> <a href="/opiniao">Opinião</a> <a href="/agenda">Agenda</a> <a href="/assinaturas">Assinar</a>
  </div>
  <form class="pesquisa" action="/pesquisa"><input name="q" placeholder="Pesquisar"><button>Pesquisar</button></form>
</div>
<div id="conteudo">
  <div class="noticia">
    <div class="seccao"><a href="/desporto">Desporto</a> &raquo; <a href="/desporto/surf">Surf</a></div>
    <h1>Ericeira recebe etapa do circuito nacional de surf com ondas de dois metros</h1>
    <div class="autor-data">Rui Carvalhal | Publicado em 12 de agosto de 2020</div>
    <div class="partilhar"><a href="#">Partilhar no Facebook</a> <a href="#">Partilhar no Twitter</a> <a href="#">Enviar por e-mail</a></div>
    <div class="imagem"><img src="/imagens/ribeira-dilhas.jpg" alt=""><span class="legenda">Ribeira d'Ilhas recebeu quase cem atletas ao longo de dois dias</span></div>
    <div class="corpo">
@@1-5@@
    </div>
    <div class="etiquetas">Etiquetas: <a href="/tag/surf">surf</a> <a href="/tag/ericeira">Ericeira</a> <a href="/tag/mafra">Mafra</a></div>
    <div class="comentarios"><h3>Comentários</h3><p>Para comentar tem de iniciar sessão.</p><a href="/entrar">Entrar</a></div>
  </div>
  <div class="coluna-lateral">
    <div class="ultimas">
      <h3>Últimas</h3>
      <ul>
        <li><a href="/regiao/incendio-serra-montejunto">Incêndio na serra de Montejunto dominado ao fim da tarde</a></li>
        <li><a href="/economia/vindima-comeca-mais-cedo">Vindima começa mais cedo na região de Torres Vedras</a></li>
        <li><a href="/cultura/festival-cinema-nazare">Festival de cinema da Nazaré anuncia programa</a></li>
      </ul>
    </div>
    <div class="newsletter"><h3>Newsletter</h3><p>Receba as principais notícias da região todas as manhãs.</p><input type="email" placeholder="O seu e-mail"><button>Subscrever</button></div>
  </div>
</div>
<div id="rodape">
  <p><a href="/ficha-tecnica">Ficha técnica</a> | <a href="/estatuto-editorial">Estatuto editorial</a> | <a href="/privacidade">Política de privacidade</a> | <a href="/contactos">Contactos</a></p>
  <p>Notícias do Oeste. Todos os direitos reservados.</p>
</div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 15 -- Italian culture news, <meta property="article:published_time">,
#       HTML5 article with a "Leggi anche" box and a comments-closed note.
# ---------------------------------------------------------------------------
page(
    "15_it_restauro_affreschi.html",
    title="Tornano visibili gli affreschi della pieve di San Lorenzo dopo due anni di restauro",
    date="2023-10-03", date_where="meta", language="it", encoding="utf-8",
    layout="culture news, italian, html5",
    blocks=[
        "Dopo quasi due anni di lavori, la pieve di San Lorenzo riapre al pubblico con il ciclo di affreschi del Quattrocento finalmente leggibile. Il restauro, finanziato in parte da una raccolta fondi tra i residenti, ha riportato alla luce colori che da decenni erano coperti da uno strato di fuliggine e vecchie ridipinture.",
        "Le scene, dedicate alla vita del santo, occupano l'intera parete sinistra della navata. Durante la pulitura i restauratori hanno scoperto anche una piccola figura di donatore inginocchiato, finora del tutto invisibile, che potrebbe aiutare a datare con più precisione l'opera.",
        "«È stato come aprire una finestra», racconta la restauratrice Giulia Bandinelli, che ha guidato il cantiere. «Ogni giorno trovavamo un dettaglio nuovo: un bordo decorato, un volto, una scritta.»",
        "Il lavoro non è stato privo di difficoltà. L'umidità risalente dal pavimento aveva provocato distacchi dell'intonaco in diversi punti, e prima di intervenire sulla superficie dipinta è stato necessario consolidare la muratura.",
        "La pieve sarà aperta il sabato e la domenica, con visite guidate su prenotazione. Il comune spera che il restauro attiri nuovi visitatori nella valle anche fuori dalla stagione estiva.",
    ],
    template='''
<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<title>Tornano visibili gli affreschi della pieve di San Lorenzo dopo due anni di restauro - Gazzetta di Valdarno</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="Gazzetta di Valdarno">
<meta property="og:type" content="article">
<meta property="og:locale" content="it_IT">
<meta property="article:published_time" content="2023-10-03T11:20:00+02:00">
<meta property="article:section" content="Cultura">
<meta property="article:author" content="Lorenzo Pieraccini">
<link rel="canonical" href="https://gazzettavaldarno.example/cultura/2023/affreschi-pieve-san-lorenzo-restauro/">
<link rel="stylesheet" href="/wp-content/themes/gazzetta/style.css">
</head>
<body class="single">
<header id="testata">
  <div class="logo"><a href="/">Gazzetta di Valdarno</a></div>
  <nav id="menu-principale">
    <ul>
      <li><a href="/cronaca/">Cronaca</a></li>
      <li><a href="/politica/">Politica</a></li>
      <li class="attivo"><a href="/cultura/">Cultura</a></li>
      <li><a href="/sport/">Sport</a></li>
      <li><a href="/eventi/">Eventi</a></li>
      <li><a href="/necrologi/">Necrologi</a></li>
    </ul>
  </nav>
</header>
<div id="contenuto">
  <main id="principale">
    <article class="articolo">
      <header class="articolo-testata">
        <span class="categoria"><a href="/cultura/">Cultura</a></span>
        <h1 class="titolo">Tornano visibili gli affreschi della pieve di San Lorenzo dopo due anni di restauro</h1>
        <p class="sommario">Il ciclo quattrocentesco restituisce anche un piccolo donatore finora nascosto</p>
        <p class="autore">di Lorenzo Pieraccini</p>
      </header>
      <div class="testo-articolo">
@@1-3@@
        <div class="leggi-anche"><strong>Leggi anche</strong> <a href="/cultura/2023/museo-archeologico-nuove-sale/">Il museo archeologico apre tre nuove sale</a></div>
@@4-5@@
      </div>
      <div class="condividi">Condividi: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">Email</a></div>
      <p class="commenti-chiusi">I commenti sono chiusi.</p>
    </article>
  </main>
  <aside id="laterale">
    <section class="widget"><h3>Ultime notizie</h3>
      <ul>
        <li><a href="/cronaca/2023/lavori-ponte-arno/">Lavori sul ponte dell'Arno, senso unico alternato fino a novembre</a></li>
        <li><a href="/sport/2023/derby-valdarno/">Derby del Valdarno: pareggio a reti bianche</a></li>
        <li><a href="/eventi/2023/sagra-castagna/">Sagra della castagna, il programma del fine settimana</a></li>
      </ul>
    </section>
    <section class="widget pubblicita"><span>Pubblicità</span><div class="banner-300"></div></section>
  </aside>
</div>
<footer id="piede">
  <p>Gazzetta di Valdarno - Testata giornalistica registrata presso il Tribunale. P.IVA 00000000000</p>
  <p><a href="/redazione/">Redazione</a> | <a href="/privacy/">Privacy</a> | <a href="/cookie/">Cookie policy</a> | <a href="/pubblicita/">Pubblicità</a></p>
</footer>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 16 -- Russian city news, written as windows-1251 bytes with
#       <meta charset="windows-1251">; date only in <time datetime>.
# ---------------------------------------------------------------------------
page(
    "16_ru_biblioteka_cp1251.html",
    title="Городская библиотека продлила часы работы по выходным",
    date="2018-12-07", date_where="time-element", language="ru", encoding="windows-1251",
    layout="city news, russian, windows-1251",
    blocks=[
        "Центральная городская библиотека с понедельника перешла на новый график: теперь читальный зал открыт по субботам и воскресеньям до восьми часов вечера. Раньше в выходные библиотека закрывалась в пять.",
        "По словам директора Ольги Савельевой, решение приняли после опроса читателей, который проводился в течение осени. Больше половины участников ответили, что в будни просто не успевают прийти, а по выходным им не хватает времени.",
        "Особенно востребованным читальный зал оказался у студентов и школьников старших классов. «В декабре у многих сессия и экзамены, а дома не всегда есть тихое место для занятий», — пояснила Савельева.",
        "Чтобы обеспечить работу в вечерние часы, библиотека перераспределила смены сотрудников и привлекла волонтёров из городского клуба любителей книги. Дополнительных расходов из бюджета не потребовалось.",
        "Кроме того, в январе в библиотеке откроется небольшой зал настольных игр, а по четвергам будут проходить встречи с местными авторами. Записаться на встречи можно у библиотекарей на абонементе или по телефону.",
    ],
    pfmt="<p>{}</p>",
    template='''
<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="windows-1251">
<title>Городская библиотека продлила часы работы по выходным — Вечерний Заречинск</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Читальный зал центральной библиотеки теперь работает по выходным до 20:00.">
<meta property="og:site_name" content="Вечерний Заречинск">
<link rel="canonical" href="https://zarechinsk-news.example/gorod/biblioteka-grafik-vyhodnye-18734">
<link rel="stylesheet" href="/css/vz.css">
</head>
<body>
<div class="header">
  <div class="logo"><a href="/">Вечерний Заречинск</a></div>
  <ul class="menu">
    <li><a href="/gorod">Город</a></li>
    <li><a href="/obshchestvo">Общество</a></li>
    <li><a href="/ekonomika">Экономика</a></li>
    <li><a href="/sport">Спорт</a></li>
    <li><a href="/kultura">Культура</a></li>
    <li><a href="/afisha">Афиша</a></li>
  </ul>
  <form class="search" action="/search"><input type="text" name="q" placeholder="Поиск по сайту"><input type="submit" value="Найти"></form>
</div>
<div class="wrapper">
  <div class="content">
    <div class="path"><a href="/">Главная</a> / <a href="/gorod">Город</a></div>
    <article class="news-item">
      <h1>Городская библиотека продлила часы работы по выходным</h1>
      <div class="news-info"><time datetime="2018-12-07T10:15:00+03:00">7 декабря, 10:15</time> <span class="views">Просмотров: 1 284</span></div>
      <div class="news-photo"><img src="/upload/biblioteka.jpg" alt="Читальный зал"><p class="photo-caption">Читальный зал центральной библиотеки. Фото пресс-службы</p></div>
      <div class="news-text">
@@1-5@@
      </div>
      <div class="news-author">Автор: Дмитрий Колесников</div>
      <div class="share">Поделиться: <a href="#">ВКонтакте</a> <a href="#">Одноклассники</a> <a href="#">Telegram</a></div>
    </article>
    <div class="also">
      <h3>Читайте также</h3>
      <ul>
        <li><a href="/gorod/katok-na-ploshchadi-18720">На центральной площади открылся каток</a></li>
        <li><a href="/kultura/teatr-premera-18711">Драмтеатр готовит новогоднюю премьеру</a></li>
        <li><a href="/gorod/avtobus-marshrut-18702">Автобус №12 изменит маршрут</a></li>
      </ul>
    </div>
    <div class="comments"><h3>Комментарии</h3><p>Комментариев пока нет. Будьте первым!</p></div>
  </div>
  <div class="sidebar">
    <div class="block"><h4>Погода</h4><p>Сегодня -12°, ясно</p></div>
    <div class="block"><h4>Популярное</h4>
      <ul>
        <li><a href="/obshchestvo/shkola-remont-18690">Ремонт школы №3 завершат к весне</a></li>
        <li><a href="/ekonomika/rynok-18684">На рынке подешевели овощи</a></li>
      </ul>
    </div>
  </div>
</div>
<div class="footer">
  <p>© «Вечерний Заречинск». При перепечатке ссылка на источник обязательна. 16+</p>
  <p><a href="/about">О редакции</a> | <a href="/reklama">Реклама</a> | <a href="/contacts">Контакты</a></p>
</div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 17 -- French local news written as ISO-8859-1 bytes with NO charset
#       declaration anywhere (no meta, no XML declaration): the encoding has to
#       be detected.  Date only in the visible "Publié le ..." line.
# ---------------------------------------------------------------------------
page(
    "17_fr_latin1_fromagerie.html",
    title="À Poligny, une fromagerie familiale mise sur la vente directe",
    date="2016-02-05", date_where="byline-text", language="fr", encoding="iso-8859-1",
    layout="local news, french, latin-1 without charset declaration",
    blocks=[
        "Dans la petite zone artisanale de Poligny, la fromagerie Vuillemin ne ressemble guère à une entreprise en pleine croissance. Pourtant, depuis deux ans, son chiffre d'affaires a progressé de près de 30 %, porté par la vente directe aux particuliers.",
        "L'idée est venue de Claire Vuillemin, qui a repris l'affaire de ses parents en 2013. Plutôt que de livrer toute sa production aux grossistes, elle a ouvert une boutique attenante à l'atelier et lancé des paniers livrés chaque vendredi dans les villages voisins.",
        "« Les gens veulent savoir d'où vient leur comté et voir comment on le fabrique », explique-t-elle. Une vitre permet désormais aux clients d'observer le travail des fromagers pendant qu'ils font leurs achats.",
        "La fromagerie transforme chaque jour le lait de neuf exploitations situées à moins de quinze kilomètres. Les meules sont ensuite affinées entre quatre et dix-huit mois dans une cave voûtée située sous le bâtiment.",
        "Pour l'année à venir, la jeune dirigeante envisage d'embaucher un quatrième salarié et d'organiser des visites guidées pour les groupes scolaires. Elle réfléchit aussi à proposer ses fromages sur les marchés de Dole et de Lons-le-Saunier.",
    ],
    template='''
<!DOCTYPE html>
<html lang="fr">
<head>
<title>À Poligny, une fromagerie familiale mise sur la vente directe - L'Écho du Jura</title>
<meta name="viewport" content="width=device-width">
<meta name="author" content="Sébastien Roux">
<link rel="stylesheet" href="/style.css">
</head>
<body>
<div id="bandeau">
  <a href="/"><img src="/images/echo-du-jura.png" alt="L'Écho du Jura"></a>
  <div id="menu">
    <a href="/">Accueil</a> - <a href="/actualites/">Actualités</a> - <a href="/economie/">Économie</a> - <a href="/sports/">Sports</a> - <a href="/agenda/">Agenda</a> - <a href="/petites-annonces/">Petites annonces</a> - <a href="/contact/">Contact</a>
  </div>
</div>
<div id="page">
  <div id="gauche">
    <h1 class="titre">À Poligny, une fromagerie familiale mise sur la vente directe</h1>
    <p class="infos">Par Sébastien Roux - Publié le 5 février 2016</p>
    <div class="photo"><img src="/photos/fromagerie-vuillemin.jpg" alt=""><br><i>Claire Vuillemin dans la cave d'affinage.</i></div>
@@1-5@@
    <p class="retour"><a href="/economie/">« Retour à la rubrique Économie</a></p>
    <div class="reactions"><b>Réagir à cet article</b><br>
      <form action="/reagir.php" method="post">Pseudo : <input type="text" name="pseudo"><br>Message :<br><textarea name="message" rows="4" cols="40"></textarea><br><input type="submit" value="Envoyer"></form>
    </div>
  </div>
  <div id="droite">
    <div class="encart"><b>Dans la même rubrique</b>
      <ul>
        <li><a href="/economie/scierie-champagnole.html">Champagnole : la scierie investit dans un nouveau séchoir</a></li>
        <li><a href="/economie/horlogerie-morez.html">Morez : l'horlogerie recrute des apprentis</a></li>
        <li><a href="/economie/salon-vins-jaunes.html">Le salon des vins jaunes attend 40 exposants</a></li>
      </ul>
    </div>
    <div class="encart"><b>Météo</b><br>Lons-le-Saunier : 4°, averses de neige</div>
  </div>
</div>
<div id="pied">L'Écho du Jura - hebdomadaire d'information locale - <a href="/mentions.html">Mentions légales</a> - <a href="/abonnement.html">Abonnement</a></div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 18 -- AMP-like page (<html amp>, amp-img, amp-ad, amp-social-share,
#       boilerplate CSS), JSON-LD NewsArticle.
# ---------------------------------------------------------------------------
page(
    "18_amp_storm_power_cuts.html",
    title="Overnight storm brings down trees and cuts power to 40,000 homes",
    date="2024-08-21", date_where="json-ld", language="en", encoding="utf-8",
    layout="news, amp",
    blocks=[
        "A fast-moving band of thunderstorms swept across the coastal counties overnight, bringing gusts of up to 110 km/h, toppling trees onto roads and leaving around 40,000 homes without electricity by dawn on Wednesday.",
        "The regional utility said crews had restored power to about half of the affected customers by mid-morning but warned that some rural areas could remain without supply until Thursday evening, particularly where lines had been brought down by falling branches.",
        "Emergency services received more than 600 calls between midnight and 6 a.m. Most involved fallen trees and flooded underpasses. No serious injuries had been reported, although two people were treated for minor cuts after a shop window shattered in the harbour district.",
        "Forecasters said the storms formed along a cold front that collided with unusually warm, humid air that had lingered over the region for more than a week. Showers are expected to continue through the afternoon, but the strongest winds have already moved offshore.",
        "Residents are asked to stay away from downed power lines and to report them to the utility's emergency number rather than attempting to move debris themselves.",
    ],
    template='''
<!doctype html>
<html amp lang="en">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<script async custom-element="amp-social-share" src="https://cdn.ampproject.org/v0/amp-social-share-0.1.js"></script>
<script async custom-element="amp-sidebar" src="https://cdn.ampproject.org/v0/amp-sidebar-0.1.js"></script>
<title>Overnight storm brings down trees and cuts power to 40,000 homes - The Shorewatch</title>
<link rel="canonical" href="https://shorewatch.example/news/weather/overnight-storm-trees-power-cuts">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<script type="application/ld+json">
{
  "@context": "http://schema.org",
  "@type": "NewsArticle",
  "mainEntityOfPage": "https://shorewatch.example/news/weather/overnight-storm-trees-power-cuts",
  "headline": "Overnight storm brings down trees and cuts power to 40,000 homes",
  "datePublished": "2024-08-21T09:40:00+01:00",
  "author": {"@type": "Person", "name": "Caitlin Rowe"},
  "publisher": {"@type": "Organization", "name": "The Shorewatch", "logo": {"@type": "ImageObject", "url": "https://shorewatch.example/amp-logo.png", "width": 600, "height": 60}},
  "image": {"@type": "ImageObject", "url": "https://shorewatch.example/img/storm-tree-road.jpg", "height": 675, "width": 1200}
}
</script>
<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-moz-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}@-webkit-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}</style><noscript><style amp-boilerplate>body{-webkit-animation:none;-moz-animation:none;animation:none}</style></noscript>
<style amp-custom>
body{font-family:Georgia,serif;margin:0}.sw-bar{background:#0b3954;color:#fff;padding:8px 12px}.sw-bar a{color:#fff}.sw-article{padding:0 16px}.sw-ad{text-align:center;margin:20px 0}.sw-ad-label{font:11px sans-serif;color:#888}.sw-related li{margin:6px 0}
</style>
</head>
<body>
<amp-sidebar id="sw-menu" layout="nodisplay" side="left">
  <ul class="sw-menu-list">
    <li><a href="https://shorewatch.example/">Home</a></li>
    <li><a href="https://shorewatch.example/news/">News</a></li>
    <li><a href="https://shorewatch.example/news/weather/">Weather</a></li>
    <li><a href="https://shorewatch.example/sport/">Sport</a></li>
    <li><a href="https://shorewatch.example/tides/">Tide tables</a></li>
  </ul>
</amp-sidebar>
<header class="sw-bar">
  <button on="tap:sw-menu.toggle">&#9776; Menu</button>
  <a href="https://shorewatch.example/"><amp-img src="https://shorewatch.example/amp-logo.png" width="150" height="15" alt="The Shorewatch"></amp-img></a>
</header>
<article class="sw-article">
  <p class="sw-section">Weather</p>
  <h1>Overnight storm brings down trees and cuts power to 40,000 homes</h1>
  <p class="sw-byline">By Caitlin Rowe, Weather Correspondent</p>
  <amp-img src="https://shorewatch.example/img/storm-tree-road.jpg" width="1200" height="675" layout="responsive" alt="A fallen tree blocking a coastal road"></amp-img>
  <p class="sw-caption">A fallen oak blocks the coast road near Penwyn early on Wednesday.</p>
@@1-2@@
  <div class="sw-ad">
    <div class="sw-ad-label">Advertisement</div>
    <amp-ad width="300" height="250" type="doubleclick" data-slot="/4411/shorewatch/amp/news"><div placeholder>Loading ad&hellip;</div><div fallback></div></amp-ad>
  </div>
@@3-4@@
  <div class="sw-ad">
    <div class="sw-ad-label">Advertisement</div>
    <amp-ad width="300" height="250" type="doubleclick" data-slot="/4411/shorewatch/amp/news2"></amp-ad>
  </div>
@@5@@
  <div class="sw-share">
    <amp-social-share type="facebook" data-param-app_id="000000"></amp-social-share>
    <amp-social-share type="twitter"></amp-social-share>
    <amp-social-share type="whatsapp"></amp-social-share>
    <amp-social-share type="email"></amp-social-share>
  </div>
</article>
<section class="sw-related">
  <h2>Related stories</h2>
  <ul>
    <li><a href="https://shorewatch.example/amp/news/weather/yellow-warning-thunderstorms">Yellow warning issued for thunderstorms</a></li>
    <li><a href="https://shorewatch.example/amp/news/local/harbour-flood-defences">Harbour flood defences tested by high tide</a></li>
  </ul>
</section>
<footer class="sw-bar"><a href="https://shorewatch.example/news/weather/overnight-storm-trees-power-cuts">View full site</a> &middot; <a href="https://shorewatch.example/privacy">Privacy</a> &middot; &copy; The Shorewatch</footer>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 19 -- feature split by inline <figure>/<figcaption> and a <blockquote>
#       pull-quote that repeats a sentence of the text; date in <time>.
# ---------------------------------------------------------------------------
page(
    "19_feature_mended_museum.html",
    title="A museum of broken things finds an unexpected audience",
    date="2021-05-30", date_where="time-element", language="en", encoding="utf-8",
    layout="feature, figures and pull-quote",
    blocks=[
        "The first object visitors see at the Museum of Mended Things is a cracked porcelain teapot held together with three iron staples. Someone, perhaps two centuries ago, decided that it was worth the trouble of drilling holes in the glaze rather than throwing it away.",
        "That decision is the idea behind the whole collection. Housed in a former hardware shop on Tanner Street, the small museum displays around 400 objects that were broken and then repaired, from darned socks and riveted cooking pots to a bicycle frame welded back together during a wartime shortage.",
        "Founder Agnes Mbeki started collecting after inheriting her grandmother's sewing box, which contained a jar of odd buttons and a notebook recording every garment she had altered. &ldquo;I realised that the notebook was a kind of diary,&rdquo; Mbeki said. &ldquo;You could read a whole family's history in what they chose to fix.&rdquo;",
        "Since reopening after a long closure, the museum has drawn more visitors than in any previous year. Many are younger people who arrive after watching online repair videos, and several local schools now bring classes to see how objects were made to last.",
        "On the first Saturday of each month, volunteers run a repair caf&eacute; in the back room, where residents can bring a broken lamp, a torn jacket or a wobbly chair. Items that cannot be fixed on the day are sometimes kept, with permission, and added to the study collection.",
        "Mbeki says she has no plans to expand. &ldquo;The building is just the right size,&rdquo; she said. &ldquo;If it got any bigger, it would need repairing itself.&rdquo;",
    ],
    pfmt='<p class="body-text">{}</p>',
    template='''
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A museum of broken things finds an unexpected audience &mdash; The Northgate Chronicle</title>
<meta name="author" content="Daniel Okonjo">
<meta property="og:site_name" content="The Northgate Chronicle">
<meta property="og:type" content="article">
<link rel="canonical" href="https://northgatechronicle.example/features/museum-of-mended-things">
<link rel="stylesheet" href="/css/chronicle.css">
</head>
<body class="feature-template">
<header class="nc-header">
  <a class="nc-wordmark" href="/">The Northgate Chronicle</a>
  <nav><a href="/news">News</a> <a href="/features">Features</a> <a href="/arts">Arts</a> <a href="/food">Food &amp; Drink</a> <a href="/property">Property</a></nav>
</header>
<main class="nc-main">
<article class="nc-feature">
  <header class="nc-feature__header">
    <p class="nc-label">Weekend feature</p>
    <h1 class="nc-feature__title">A museum of broken things finds an unexpected audience</h1>
    <p class="nc-feature__standfirst">On Tanner Street, a collection of patched, stitched and riveted objects is enjoying a surprising second life</p>
    <p class="nc-feature__byline">Words by Daniel Okonjo &middot; Photographs by Lucia Ferran &middot; <time datetime="2021-05-30">30 May</time></p>
  </header>
  <figure class="nc-figure nc-figure--wide">
    <img src="/media/mended/teapot.jpg" alt="A cracked teapot repaired with metal staples" width="1200" height="800">
    <figcaption>The stapled teapot that greets visitors at the door. Its repair is thought to date from the early nineteenth century. <span class="credit">Lucia Ferran</span></figcaption>
  </figure>
  <div class="nc-feature__body">
@@1-2@@
    <figure class="nc-figure nc-figure--inline">
      <img src="/media/mended/bicycle.jpg" alt="A bicycle frame with visible weld marks" width="800" height="1000">
      <figcaption>A bicycle frame welded back together during a wartime steel shortage. <span class="credit">Lucia Ferran</span></figcaption>
    </figure>
@@3@@
    <blockquote class="nc-pullquote">
      <p>&ldquo;You could read a whole family's history in what they chose to fix.&rdquo;</p>
      <cite>Agnes Mbeki, founder</cite>
    </blockquote>
@@4@@
    <figure class="nc-figure nc-figure--inline">
      <img src="/media/mended/repair-cafe.jpg" alt="Volunteers mending a lamp at a workbench" width="800" height="600">
      <figcaption>Volunteers at the monthly repair caf&eacute;. <span class="credit">Lucia Ferran</span></figcaption>
    </figure>
@@5-6@@
    <aside class="nc-factbox"><h4>If you go</h4><p><strong>The Museum of Mended Things</strong> is open Thursday to Sunday, 10am to 4pm. Entry is free; donations welcome.</p></aside>
  </div>
</article>
<aside class="nc-read-next">
  <h2>Read next</h2>
  <a class="nc-card" href="/features/last-cobbler-on-high-street"><h3>The last cobbler on the high street</h3></a>
  <a class="nc-card" href="/features/clock-tower-restoration"><h3>Inside the race to restart the clock tower</h3></a>
  <a class="nc-card" href="/arts/quilt-exhibition"><h3>A century of quilts goes on show at the library</h3></a>
</aside>
</main>
<footer class="nc-footer">
  <p><a href="/about">About</a> &middot; <a href="/contact">Contact</a> &middot; <a href="/newsletter">Newsletter</a> &middot; <a href="/privacy">Privacy</a></p>
  <p>&copy; 2021 Northgate Chronicle Ltd</p>
</footer>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 20 -- evergreen gardening guide on a div-only site; no date anywhere.
# ---------------------------------------------------------------------------
page(
    "20_basil_windowsill_guide.html",
    title="How to keep basil alive on a windowsill",
    date=None, date_where="none", language="en", encoding="utf-8",
    layout="evergreen guide, divs, no date",
    blocks=[
        "Supermarket basil plants have a reputation for dying within a week, and most of the time it is not the gardener's fault. Those pots usually contain dozens of seedlings crammed together, all competing for the same small amount of compost.",
        "The first thing to do when you get one home is to divide it. Gently tip the plant out of its pot, tease the root ball into four or five clumps and replant each clump in its own container with fresh potting mix. It looks brutal, but the plants recover within days.",
        "Basil wants warmth and light. A south- or west-facing windowsill is ideal, as long as the leaves do not touch cold glass at night. Below about 10&nbsp;&deg;C the leaves start to blacken.",
        "Water from below by standing the pot in a saucer for twenty minutes, then let any excess drain. Soggy compost is a far more common cause of failure than dryness.",
        "Finally, harvest from the top. Pinch out the growing tip just above a pair of leaves, and the plant will branch into a bushier shape instead of growing tall and flowering.",
    ],
    pfmt='<div class="para">{}</div>',
    template='''
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>How to keep basil alive on a windowsill | Greenthumb Guides</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Five simple steps to stop supermarket basil from dying.">
<link rel="canonical" href="https://greenthumb.example/guides/herbs/keep-basil-alive-windowsill">
<link rel="stylesheet" href="/assets/gt.css">
</head>
<body>
<div class="gt-top">
  <div class="gt-logo"><a href="/">Greenthumb Guides</a></div>
  <div class="gt-nav">
    <div class="gt-nav-item"><a href="/guides/herbs">Herbs</a></div>
    <div class="gt-nav-item"><a href="/guides/vegetables">Vegetables</a></div>
    <div class="gt-nav-item"><a href="/guides/houseplants">Houseplants</a></div>
    <div class="gt-nav-item"><a href="/guides/balcony">Balcony gardening</a></div>
    <div class="gt-nav-item"><a href="/tools">Tools</a></div>
  </div>
</div>
<div class="gt-body">
  <div class="gt-leftcol">
    <div class="gt-toc-title">In this section</div>
    <div class="gt-toc"><a href="/guides/herbs/mint-in-pots">Growing mint in pots</a><a href="/guides/herbs/keep-basil-alive-windowsill" class="current">Keeping basil alive</a><a href="/guides/herbs/drying-herbs">Drying herbs for winter</a><a href="/guides/herbs/parsley-from-seed">Parsley from seed</a></div>
  </div>
  <div class="gt-content">
    <div class="gt-crumbs"><a href="/">Guides</a> / <a href="/guides/herbs">Herbs</a></div>
    <div class="gt-heading">How to keep basil alive on a windowsill</div>
    <div class="gt-meta">Difficulty: easy &middot; Time: 20 minutes</div>
    <div class="gt-article-text">
@@1-5@@
    </div>
    <div class="gt-helpful">Was this guide helpful? <a href="#yes">Yes</a> <a href="#no">No</a></div>
    <div class="gt-products">
      <div class="gt-products-title">Products we like</div>
      <div class="gt-product"><a href="/go/self-watering-pot">Self-watering herb pot, set of three</a></div>
      <div class="gt-product"><a href="/go/peat-free-compost">Peat-free potting mix, 10 litres</a></div>
    </div>
  </div>
</div>
<div class="gt-footer">
  <div><a href="/about">About Greenthumb</a> | <a href="/contact">Contact</a> | <a href="/affiliate">How we make money</a> | <a href="/privacy">Privacy</a></div>
  <div>Greenthumb Guides is reader-supported. We may earn a commission from links on this page.</div>
</div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 21 -- help-centre explainer with <main>, table of contents and FAQ widget;
#       no date anywhere.
# ---------------------------------------------------------------------------
page(
    "21_heat_pump_explainer.html",
    title="What is a heat pump and how does it work?",
    date=None, date_where="none", language="en", encoding="utf-8",
    layout="explainer, html5 main, no date",
    blocks=[
        "A heat pump moves heat from one place to another instead of generating it by burning fuel. The same principle keeps your refrigerator cold: heat is taken from inside the cabinet and released through the coils at the back.",
        "In a home heating system, the pump extracts heat from the outside air, the ground or a body of water and delivers it indoors. Even on a cold day, outdoor air contains a surprising amount of thermal energy that can be captured.",
        ("h", "The refrigerant cycle"),
        "At the heart of every heat pump is a refrigerant, a fluid that boils at a very low temperature. As it passes through the outdoor coil, it absorbs heat and turns into a gas. A compressor then squeezes the gas, which raises its temperature, and the hot gas releases its heat into the home's water or air circuit before expanding and cooling again.",
        ("h", "Why efficiency is measured differently"),
        "Because a heat pump moves heat rather than creating it, it can deliver more energy than it consumes. The ratio is called the <abbr title=\"coefficient of performance\">coefficient of performance</abbr>. A unit with a coefficient of three provides three kilowatt-hours of heat for every kilowatt-hour of electricity it uses.",
        "Performance falls as the outside temperature drops, which is why installers size systems for the coldest typical conditions in your area rather than for an average winter day.",
    ],
    hfmt='<h2 class="doc-h2">{}</h2>',
    template='''
<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>What is a heat pump and how does it work? - Home Energy Explained</title>
  <meta name="description" content="A plain-language guide to how heat pumps move heat and why their efficiency is above 100%.">
  <meta property="og:site_name" content="Home Energy Explained">
  <link rel="canonical" href="https://homeenergy.example/learn/heat-pumps/how-they-work">
  <link rel="stylesheet" href="/static/docs.css">
</head>
<body>
  <header class="he-header">
    <a class="he-brand" href="/">Home Energy Explained</a>
    <nav class="he-topnav" aria-label="Main"><a href="/learn">Learn</a><a href="/calculators">Calculators</a><a href="/grants">Grants finder</a><a href="/installers">Find an installer</a></nav>
  </header>
  <div class="he-layout">
    <nav class="he-sidenav" aria-label="Guides">
      <h2>Heat pumps</h2>
      <ul>
        <li><a href="/learn/heat-pumps/how-they-work" aria-current="page">How they work</a></li>
        <li><a href="/learn/heat-pumps/air-vs-ground">Air source or ground source?</a></li>
        <li><a href="/learn/heat-pumps/radiators">Will my radiators work?</a></li>
        <li><a href="/learn/heat-pumps/noise">How noisy are they?</a></li>
        <li><a href="/learn/heat-pumps/running-costs">Running costs</a></li>
      </ul>
    </nav>
    <main class="he-doc">
      <h1>What is a heat pump and how does it work?</h1>
      <div class="he-toc"><strong>On this page</strong><ol><li><a href="#cycle">The refrigerant cycle</a></li><li><a href="#efficiency">Why efficiency is measured differently</a></li></ol></div>
@@1-7@@
      <div class="he-feedback">
        <p>Did this page answer your question?</p>
        <button>Yes</button> <button>No</button>
      </div>
      <div class="he-pagination"><a href="/learn/heat-pumps" rel="prev">&larr; Heat pumps: overview</a> <a href="/learn/heat-pumps/air-vs-ground" rel="next">Air source or ground source? &rarr;</a></div>
    </main>
  </div>
  <footer class="he-footer">
    <p>Home Energy Explained is an independent, non-commercial guide. We do not sell equipment or take commission from installers.</p>
    <p><a href="/about">About</a> | <a href="/accessibility">Accessibility</a> | <a href="/privacy">Privacy</a> | <a href="/contact">Contact</a></p>
  </footer>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 22 -- business news, ad-heavy (iframes, sponsored blocks, "Around the web"),
#       date only in the canonical URL.
# ---------------------------------------------------------------------------
page(
    "22_startup_frostgrid_funding.html",
    title="Cold-storage start-up Frostgrid raises $38 million to build solar-powered warehouses",
    date="2025-02-11", date_where="url", language="en", encoding="utf-8",
    layout="business news, ad-heavy",
    blocks=[
        "Frostgrid, a start-up that builds refrigerated warehouses powered largely by rooftop solar panels and thermal batteries, has raised 38 million dollars in a Series B round, the company said on Tuesday.",
        "The round was led by a climate-focused investment fund, with participation from two existing backers. Frostgrid plans to use the money to open four new facilities over the next two years, mainly near agricultural regions where growers currently lose a large share of their harvest to spoilage before it reaches market.",
        "The company's approach relies on freezing large tanks of saltwater solution during the day, when solar output is high, and using the stored cold to keep warehouses at a steady temperature overnight. Chief executive Priya Ramaswamy said the design cuts electricity costs by more than half compared with conventional cold storage.",
        "Investors have grown more cautious about hardware-heavy climate businesses, which require large amounts of capital before they generate revenue. Ramaswamy said Frostgrid's existing sites are already profitable on an operating basis and that long-term contracts with food distributors reduce the risk.",
        "The company currently operates three warehouses and employs about 120 people.",
    ],
    pfmt='<p class="paragraph">{}</p>',
    template='''
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Cold-storage start-up Frostgrid raises $38 million to build solar-powered warehouses - Ledgerline</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="Nadia Okereke">
<meta property="og:site_name" content="Ledgerline">
<meta property="og:type" content="article">
<link rel="canonical" href="https://ledgerline.example/2025/02/11/frostgrid-raises-38-million-series-b/">
<script async src="https://hb.adexchange.example/prebid.js"></script>
<script>window.__ads = {slots: ["lb","in1","in2","in3","rail"], section: "startups"};</script>
</head>
<body>
<div class="promo-banner">Subscribe to Ledgerline Pro for unlimited access. <a href="/pro">First month free</a></div>
<div class="adunit adunit--leaderboard" data-ad="lb"><p class="adunit__label">Advertisement</p><iframe src="https://hb.adexchange.example/render?slot=lb" width="728" height="90" frameborder="0" scrolling="no"></iframe></div>
<header class="ll-masthead">
  <a href="/" class="ll-logo">Ledgerline</a>
  <nav class="ll-nav"><a href="/markets">Markets</a><a href="/startups">Startups</a><a href="/venture">Venture</a><a href="/climate">Climate</a><a href="/policy">Policy</a><a href="/events">Events</a></nav>
</header>
<div class="ll-page">
  <div class="ll-story">
    <a class="ll-topic" href="/startups">Startups</a>
    <h1 class="ll-headline">Cold-storage start-up Frostgrid raises $38 million to build solar-powered warehouses</h1>
    <div class="ll-author-line"><img src="/authors/nadia.jpg" alt=""> <a href="/author/nadia-okereke">Nadia Okereke</a> <span class="ll-readtime">3 min read</span></div>
    <div class="ll-social"><a href="#">LinkedIn</a> <a href="#">X</a> <a href="#">Facebook</a> <a href="#">Copy link</a></div>
    <div class="ll-content">
@@1@@
      <div class="adunit adunit--inline" data-ad="in1"><p class="adunit__label">Advertisement</p><iframe src="https://hb.adexchange.example/render?slot=in1" width="300" height="250" frameborder="0" scrolling="no"></iframe></div>
@@2@@
      <div class="ll-sponsored"><p class="ll-sponsored__label">Sponsored content</p><a href="https://cloudvendor.example/whitepaper?src=ledgerline"><strong>Download: How finance teams cut cloud costs by 30%</strong></a><p>Presented by CloudVendor</p></div>
@@3@@
      <div class="adunit adunit--inline" data-ad="in2"><p class="adunit__label">Advertisement</p><iframe src="https://hb.adexchange.example/render?slot=in2" width="300" height="250" frameborder="0" scrolling="no"></iframe></div>
@@4@@
      <div class="adunit adunit--inline" data-ad="in3"><p class="adunit__label">Advertisement</p><iframe src="https://hb.adexchange.example/render?slot=in3" width="300" height="250" frameborder="0" scrolling="no"></iframe></div>
@@5@@
    </div>
    <div class="ll-newsletter"><h3>The Ledgerline Daily</h3><p>Funding rounds, deals and the numbers behind them. Weekdays at 6am.</p><form><input type="email" placeholder="Work email"><button>Subscribe</button></form></div>
    <div class="ll-around-web">
      <h3>Around the web</h3>
      <div class="ll-around-web__grid">
        <div class="ll-tile"><a href="https://r.nativeads.example/1"><img src="https://r.nativeads.example/i/1.jpg" alt=""><p>The retirement mistake that costs people six figures</p><span>WealthWeekly</span></a></div>
        <div class="ll-tile"><a href="https://r.nativeads.example/2"><img src="https://r.nativeads.example/i/2.jpg" alt=""><p>Forget solar panels: this is what homeowners are buying instead</p><span>Sponsored | EcoHomes</span></a></div>
        <div class="ll-tile"><a href="https://r.nativeads.example/3"><img src="https://r.nativeads.example/i/3.jpg" alt=""><p>Billionaire's simple rule for hiring his first ten employees</p><span>FounderDigest</span></a></div>
        <div class="ll-tile"><a href="https://r.nativeads.example/4"><img src="https://r.nativeads.example/i/4.jpg" alt=""><p>This credit card has no annual fee and a huge welcome bonus</p><span>Sponsored | CardCompare</span></a></div>
      </div>
    </div>
  </div>
  <aside class="ll-rail">
    <div class="adunit adunit--rail" data-ad="rail"><p class="adunit__label">Advertisement</p><iframe src="https://hb.adexchange.example/render?slot=rail" width="300" height="600" frameborder="0" scrolling="no"></iframe></div>
    <div class="ll-latest"><h4>Latest in Startups</h4><ul><li><a href="/2025/02/10/robotics-seed-round/">Warehouse robotics firm closes seed round</a></li><li><a href="/2025/02/07/fintech-layoffs/">Payments start-up cuts a fifth of staff</a></li><li><a href="/2025/02/06/agritech-merger/">Two agritech companies agree to merge</a></li></ul></div>
  </aside>
</div>
<footer class="ll-footer"><nav><a href="/about">About</a><a href="/ethics">Ethics policy</a><a href="/advertise">Advertise</a><a href="/careers">Careers</a><a href="/privacy">Privacy</a></nav><p>&copy; Ledgerline Media Inc.</p></footer>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 23 -- local sport, article:published_time (2015), results box outside the
#       body, div-based template.
# ---------------------------------------------------------------------------
page(
    "23_riverside_marathon.html",
    title="Record field of 4,000 runners braves drizzle at Riverside Marathon",
    date="2015-10-04", date_where="meta", language="en", encoding="utf-8",
    layout="local sport news, divs",
    blocks=[
        "More than 4,000 runners lined up in light drizzle on Sunday morning for the 12th Riverside Marathon, the largest field in the event's history and nearly double the number who took part five years ago.",
        "The men's race was won by Daniel Osei in 2 hours, 21 minutes and 9 seconds, breaking the course record by just over a minute. Osei, who trains with a club in the city, broke away from a small lead group at the 30-kilometre mark along the river embankment.",
        "Hannah Lindqvist took the women's title in 2:38:44, her second win in three years. She said the cool weather had suited her. &quot;I was worried about the rain at the start, but after ten kilometres I did not even notice it,&quot; she said.",
        "Race organisers said 3,812 runners crossed the finish line. Medical staff treated a handful of participants for cramps and mild hypothermia, but no one required hospital treatment.",
        "The event raised an estimated 210,000 dollars for local charities. Registration for next year's race opens in January.",
    ],
    pfmt="<p>{}</p>",
    template='''
<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Record field of 4,000 runners braves drizzle at Riverside Marathon | Riverside Gazette</title>
<meta property="og:title" content="Record field of 4,000 runners braves drizzle at Riverside Marathon">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2015-10-04T15:10:00-04:00">
<meta property="article:section" content="Sports">
<meta name="author" content="Kevin Marchetti">
<link rel="canonical" href="http://www.riversidegazette.example/sports/record-field-riverside-marathon/article_5c1e.html">
<link rel="stylesheet" href="/css/gazette.css">
</head>
<body>
<div id="site-header">
  <div id="logo"><a href="/">Riverside Gazette</a></div>
  <div id="main-menu"><a href="/news">News</a> <a href="/sports">Sports</a> <a href="/business">Business</a> <a href="/entertainment">Entertainment</a> <a href="/opinion">Opinion</a> <a href="/classifieds">Classifieds</a> <a href="/e-edition">e-Edition</a></div>
</div>
<div id="main-content">
  <div class="asset-content">
    <div class="asset-section">Sports &raquo; Running</div>
    <div class="asset-headline"><h1>Record field of 4,000 runners braves drizzle at Riverside Marathon</h1></div>
    <div class="asset-byline">By Kevin Marchetti, Gazette Sports Writer</div>
    <div class="asset-photo"><img src="/photos/marathon-start.jpg" alt=""><div class="asset-photo-caption">Runners cross the Mill Street bridge shortly after the start on Sunday. Gazette photo by Ana Kessler</div></div>
    <div class="asset-tools"><a href="#">Print</a> <a href="#">Email</a> <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Font size</a></div>
    <div id="article-body" class="asset-body">
@@1-5@@
    </div>
    <div class="results-box">
      <h3>Top finishers</h3>
      <div class="results-col"><strong>Men</strong><br>1. Daniel Osei 2:21:09<br>2. Marco Villa 2:22:31<br>3. Tyler Beck 2:24:02</div>
      <div class="results-col"><strong>Women</strong><br>1. Hannah Lindqvist 2:38:44<br>2. Rosa Jimenez 2:40:10<br>3. Keiko Arai 2:43:57</div>
    </div>
    <div class="asset-related"><h3>Related</h3><a href="/sports/marathon-road-closures">Road closures for Sunday's marathon</a> | <a href="/sports/osei-profile">Osei chases course record</a></div>
  </div>
  <div class="right-rail">
    <div class="rail-box"><h4>Most Popular</h4><ol><li><a href="/news/bridge-repairs">Bridge repairs to close Mill Street for a month</a></li><li><a href="/sports/high-school-football-week-5">High school football: Week 5 roundup</a></li><li><a href="/news/pumpkin-festival">Pumpkin festival returns to the square</a></li></ol></div>
    <div class="rail-box ad"><span>Advertisement</span></div>
  </div>
</div>
<div id="site-footer">
  <p><a href="/contact">Contact Us</a> | <a href="/subscribe">Subscribe</a> | <a href="/advertise">Advertise</a> | <a href="/terms">Terms of Use</a> | <a href="/privacy">Privacy Policy</a></p>
  <p>&copy; 2015 Riverside Gazette, a division of Valley Newspapers Inc.</p>
</div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 24 -- personal astronomy blog (WordPress-like), date only as
#       "Posted on November 8, 2015"; calendar widget with other dates.
# ---------------------------------------------------------------------------
page(
    "24_comet_garden_blog.html",
    title="Chasing a faint comet from a suburban garden",
    date="2015-11-08", date_where="byline-text", language="en", encoding="utf-8",
    layout="personal blog (wordpress-like)",
    blocks=[
        "I had almost given up on this comet. For a week the forecast promised clear skies and for a week the clouds rolled in around nine o'clock, right as it cleared the rooftops to the east.",
        "Last night the sky finally cooperated. I set up the small refractor on the patio at half past ten, let it cool for twenty minutes and started star-hopping from the bright star at the corner of the constellation. The comet was not where my chart said it would be, which is typical; its predicted position had shifted slightly since I printed the chart.",
        "When I did find it, it looked like a smudge of grey cotton wool, brighter towards one side. There was no visible tail through the eyepiece, but a two-minute exposure with the camera showed a short, faint fan pointing away from the Sun.",
        "Light pollution is the real enemy in a suburban garden. The glow from the retail park to the south washes out anything low in that direction, so I have learned to plan sessions around objects that climb high in the north and east.",
        "If you want to try for it yourself, use binoculars first and look for something that does not quite focus to a point. Patience helps more than expensive equipment.",
    ],
    template='''
<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<title>Chasing a faint comet from a suburban garden | Dark Sky Notebook</title>
<link rel="pingback" href="https://darkskynotebook.example/xmlrpc.php">
<link rel="canonical" href="https://darkskynotebook.example/?p=412">
<meta name="generator" content="WordPress 4.3.1">
<link rel="stylesheet" id="twentyfifteen-style-css" href="https://darkskynotebook.example/wp-content/themes/twentyfifteen/style.css?ver=4.3.1" type="text/css" media="all">
</head>
<body class="single single-post postid-412">
<div id="page" class="hfeed site">
  <div id="sidebar" class="sidebar">
    <header id="masthead" class="site-header" role="banner">
      <div class="site-branding">
        <p class="site-title"><a href="https://darkskynotebook.example/" rel="home">Dark Sky Notebook</a></p>
        <p class="site-description">Amateur astronomy under orange skies</p>
      </div>
    </header>
    <div id="secondary" class="secondary">
      <nav id="site-navigation" class="main-navigation"><div class="menu-menu-1-container"><ul id="menu-menu-1" class="nav-menu"><li><a href="https://darkskynotebook.example/">Home</a></li><li><a href="https://darkskynotebook.example/equipment/">My equipment</a></li><li><a href="https://darkskynotebook.example/observing-log/">Observing log</a></li></ul></div></nav>
      <div id="widget-area" class="widget-area" role="complementary">
        <aside id="calendar-2" class="widget widget_calendar"><div id="calendar_wrap">
          <table id="wp-calendar"><caption>November 2015</caption>
          <thead><tr><th>M</th><th>T</th><th>W</th><th>T</th><th>F</th><th>S</th><th>S</th></tr></thead>
          <tbody><tr><td colspan="6" class="pad">&nbsp;</td><td>1</td></tr><tr><td>2</td><td>3</td><td><a href="https://darkskynotebook.example/2015/11/04/">4</a></td><td>5</td><td>6</td><td>7</td><td><a href="https://darkskynotebook.example/2015/11/08/">8</a></td></tr></tbody>
          <tfoot><tr><td colspan="3" id="prev"><a href="https://darkskynotebook.example/2015/10/">&laquo; Oct</a></td><td class="pad">&nbsp;</td><td colspan="3" id="next" class="pad">&nbsp;</td></tr></tfoot></table>
        </div></aside>
        <aside id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>
          <li><a href="https://darkskynotebook.example/?p=412">Chasing a faint comet from a suburban garden</a> <span class="post-date">November 8, 2015</span></li>
          <li><a href="https://darkskynotebook.example/?p=405">Collimating a cheap Newtonian without special tools</a> <span class="post-date">November 4, 2015</span></li>
          <li><a href="https://darkskynotebook.example/?p=398">Jupiter returns to the morning sky</a> <span class="post-date">October 21, 2015</span></li>
        </ul></aside>
        <aside id="meta-2" class="widget widget_meta"><h2 class="widget-title">Meta</h2><ul><li><a href="https://darkskynotebook.example/wp-login.php">Log in</a></li><li><a href="https://darkskynotebook.example/feed/">Entries RSS</a></li></ul></aside>
      </div>
    </div>
  </div>
  <div id="content" class="site-content">
    <div id="primary" class="content-area">
      <main id="main" class="site-main" role="main">
        <article id="post-412" class="post-412 post type-post status-publish format-standard hentry category-comets">
          <header class="entry-header"><h1 class="entry-title">Chasing a faint comet from a suburban garden</h1></header>
          <div class="entry-content">
@@1-5@@
          </div>
          <footer class="entry-footer"><span class="posted-on">Posted on <a href="https://darkskynotebook.example/?p=412" rel="bookmark">November 8, 2015</a></span> <span class="byline"><span class="author vcard">by <a class="url fn n" href="https://darkskynotebook.example/author/gareth/">Gareth</a></span></span> <span class="cat-links">Posted in <a href="https://darkskynotebook.example/category/comets/" rel="category">Comets</a></span> <span class="comments-link"><a href="https://darkskynotebook.example/?p=412#respond">Leave a comment</a></span></footer>
        </article>
        <div id="comments" class="comments-area">
          <div id="respond" class="comment-respond">
            <h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
            <form action="https://darkskynotebook.example/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
              <p class="comment-notes"><span id="email-notes">Your email address will not be published.</span></p>
              <p class="comment-form-comment"><label for="comment">Comment</label><textarea id="comment" name="comment" cols="45" rows="8"></textarea></p>
              <p class="comment-form-author"><label for="author">Name</label> <input id="author" name="author" type="text" value="" size="30"></p>
              <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></p>
            </form>
          </div>
        </div>
        <nav class="navigation post-navigation" role="navigation"><div class="nav-links"><div class="nav-previous"><a href="https://darkskynotebook.example/?p=405" rel="prev"><span class="meta-nav">Previous</span> <span class="post-title">Collimating a cheap Newtonian without special tools</span></a></div></div></nav>
      </main>
    </div>
  </div>
  <footer id="colophon" class="site-footer" role="contentinfo"><div class="site-info"><a href="https://wordpress.org/">Proudly powered by WordPress</a></div></footer>
</div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 25 -- small-town news, only <div>s with class names, <meta name="date">,
#       "Recent headlines" and events sidebar with other dates.
# ---------------------------------------------------------------------------
page(
    "25_bakery_closing.html",
    title="Beloved Main Street bakery to close after 62 years",
    date="2017-06-23", date_where="meta", language="en", encoding="utf-8",
    layout="small-town news, divs only, sidebar dates",
    blocks=[
        "Hartmann's Bakery, which has sold bread, pastries and birthday cakes on Main Street since 1955, will close its doors at the end of July, owner Frieda Hartmann confirmed on Thursday.",
        "Hartmann, 71, took over the business from her father in 1983. She said rising costs and the difficulty of finding bakers willing to start work at three in the morning had made it impossible to continue. None of her three children wanted to take over the shop.",
        "News of the closure spread quickly on social media, and by Friday morning a queue had formed outside before opening time. Several customers said they had come to buy a last loaf of the bakery's dark rye, a recipe that Hartmann says she will not be selling.",
        "&ldquo;People keep asking me for it,&rdquo; she said with a laugh. &ldquo;It stays in the family. Maybe one of the grandchildren will want it someday.&rdquo;",
        "The building's owner said he hoped to find another food business to take over the space, which still contains the original brick oven. The town's historical society has asked to document the bakery's interior before any renovations begin.",
    ],
    pfmt='<div class="story-p">{}</div>',
    template='''
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Beloved Main Street bakery to close after 62 years - Elm County Record</title>
<meta name="date" content="2017-06-23">
<meta name="author" content="Beth Sorensen">
<meta name="viewport" content="width=device-width">
<link rel="canonical" href="https://elmcountyrecord.example/news/hartmanns-bakery-to-close">
<link rel="stylesheet" href="/record.css">
</head>
<body>
<div class="topbar"><div class="topbar-date">Elm County's hometown paper since 1898</div><div class="topbar-links"><div class="tl"><a href="/subscribe">Subscribe</a></div><div class="tl"><a href="/place-an-ad">Place an ad</a></div><div class="tl"><a href="/contact">Contact</a></div></div></div>
<div class="mast"><div class="mast-name"><a href="/">Elm County Record</a></div></div>
<div class="menu"><div class="menu-i"><a href="/news">News</a></div><div class="menu-i"><a href="/schools">Schools</a></div><div class="menu-i"><a href="/sports">Sports</a></div><div class="menu-i"><a href="/community">Community</a></div><div class="menu-i"><a href="/obituaries">Obituaries</a></div><div class="menu-i"><a href="/legal-notices">Legal notices</a></div></div>
<div class="main">
  <div class="story">
    <div class="story-hed">Beloved Main Street bakery to close after 62 years</div>
    <div class="story-dek">Owner cites costs and a shortage of early-rising bakers</div>
    <div class="story-by">Beth Sorensen | Staff writer</div>
    <div class="story-photo"><div class="story-photo-img"><img src="/img/hartmanns.jpg" alt=""></div><div class="story-photo-cap">Frieda Hartmann behind the counter of the bakery her father opened. Record photo</div></div>
    <div class="story-text">
@@1-5@@
    </div>
    <div class="story-share"><div class="share-i"><a href="#">Share</a></div><div class="share-i"><a href="#">Print</a></div><div class="share-i"><a href="#">Email</a></div></div>
    <div class="story-comments"><div class="sc-title">Comments</div><div class="sc-note">Comments are moderated and may take a few hours to appear.</div><div class="sc-item"><div class="sc-name">Gary from Oakfield</div><div class="sc-when">June 23, 2017</div><div class="sc-body">Bought my wedding cake there in 1979. End of an era.</div></div></div>
  </div>
  <div class="rail">
    <div class="rail-box"><div class="rail-title">Recent headlines</div>
      <div class="rail-item"><a href="/news/fair-board-budget">Fair board approves budget for August fair</a><div class="rail-date">June 21, 2017</div></div>
      <div class="rail-item"><a href="/news/library-summer-reading">Summer reading program sets record sign-ups</a><div class="rail-date">June 19, 2017</div></div>
      <div class="rail-item"><a href="/sports/legion-baseball">Legion baseball team wins home opener</a><div class="rail-date">June 16, 2017</div></div>
    </div>
    <div class="rail-box"><div class="rail-title">Upcoming events</div>
      <div class="rail-item">Fourth of July parade, Main Street<div class="rail-date">July 4, 2017</div></div>
      <div class="rail-item">Farmers market, courthouse square<div class="rail-date">Every Saturday</div></div>
    </div>
    <div class="rail-box ad"><div class="ad-lbl">Advertisement</div><div class="ad-body"><a href="https://elmcountyhardware.example">Elm County Hardware: grills and patio sale</a></div></div>
  </div>
</div>
<div class="foot"><div class="foot-row"><a href="/about">About the Record</a> | <a href="/staff">Staff</a> | <a href="/terms">Terms</a> | <a href="/privacy">Privacy</a></div><div class="foot-row">Elm County Record, 114 Court Street. &copy; 2017</div></div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 26 -- health news with JSON-LD (@graph form) datePublished and a later
#       dateModified; HTML5 article; "Updated" visible line.
# ---------------------------------------------------------------------------
page(
    "26_flu_cases_children.html",
    title="City clinics report surge in winter flu cases among school-age children",
    date="2022-12-14", date_where="json-ld", language="en", encoding="utf-8",
    layout="health news, json-ld @graph, html5",
    blocks=[
        "Walk-in clinics across the city have reported a sharp rise in flu cases among children aged five to fourteen over the past two weeks, prompting health officials to urge families to get vaccinated before the holiday season.",
        "Figures released by the municipal health department show that laboratory-confirmed influenza cases in that age group more than tripled between the last week of November and the second week of December. Adult cases have also increased, though more slowly.",
        "Dr. Samuel Achterberg, the department's medical director, said the early timing of the season had caught some families off guard. &ldquo;In a typical year we would not expect this level of activity until January,&rdquo; he said. &ldquo;Many children simply have not had their vaccine yet.&rdquo;",
        "Pharmacies in several neighbourhoods have extended their opening hours to meet demand for vaccinations, and the department is running free pop-up clinics at four community centres on weekends until the end of January.",
        "Officials advise keeping children home from school if they have a fever and until they have been fever-free for at least 24 hours without medication.",
    ],
    template='''
<!DOCTYPE html>
<html lang="en-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>City clinics report surge in winter flu cases among school-age children &#x2d; Metro Health Wire</title>
<link rel="canonical" href="https://metrohealthwire.example/news/flu-cases-surge-school-age-children">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","@id":"https://metrohealthwire.example/#website","name":"Metro Health Wire","url":"https://metrohealthwire.example/"},{"@type":"WebPage","@id":"https://metrohealthwire.example/news/flu-cases-surge-school-age-children#webpage","url":"https://metrohealthwire.example/news/flu-cases-surge-school-age-children","isPartOf":{"@id":"https://metrohealthwire.example/#website"}},{"@type":"NewsArticle","headline":"City clinics report surge in winter flu cases among school-age children","datePublished":"2022-12-14T13:00:00-05:00","dateModified":"2022-12-16T18:30:00-05:00","author":{"@type":"Person","name":"Alicia Ferreira"},"isPartOf":{"@id":"https://metrohealthwire.example/news/flu-cases-surge-school-age-children#webpage"},"articleSection":"Public health","inLanguage":"en-CA"}]}</script>
<link rel="stylesheet" href="/assets/mhw.css">
</head>
<body>
<header class="mhw-header">
  <div class="mhw-logo"><a href="/">Metro Health Wire</a></div>
  <nav><ul><li><a href="/news">News</a></li><li><a href="/public-health">Public health</a></li><li><a href="/research">Research</a></li><li><a href="/wellness">Wellness</a></li><li><a href="/ask-a-doctor">Ask a doctor</a></li></ul></nav>
</header>
<div class="mhw-alert" role="alert">Flu vaccine clinics: find a location near you <a href="/flu-clinics">here</a>.</div>
<main>
  <article class="mhw-article">
    <h1>City clinics report surge in winter flu cases among school-age children</h1>
    <div class="mhw-meta"><span class="mhw-author">Alicia Ferreira</span> <span class="mhw-updated">Updated December 16, 2022</span></div>
    <div class="mhw-medical-review">Medically reviewed by the Metro Health Wire clinical panel</div>
    <section class="mhw-body">
@@1-5@@
    </section>
    <section class="mhw-key-facts">
      <h2>Key facts</h2>
      <ul><li>Flu cases among children aged 5 to 14 have more than tripled in two weeks.</li><li>Free pop-up vaccination clinics run on weekends until the end of January.</li></ul>
    </section>
    <p class="mhw-disclaimer">This article is for general information and is not a substitute for professional medical advice.</p>
  </article>
  <aside class="mhw-related">
    <h2>Related</h2>
    <ul>
      <li><a href="/wellness/flu-or-cold">Is it the flu or a cold? How to tell the difference</a></li>
      <li><a href="/public-health/rsv-infants">What parents should know about RSV in infants</a></li>
    </ul>
  </aside>
</main>
<footer class="mhw-footer"><p>Metro Health Wire does not provide medical advice, diagnosis or treatment.</p><p><a href="/about">About</a> &middot; <a href="/editorial-policy">Editorial policy</a> &middot; <a href="/privacy">Privacy</a></p></footer>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 27 -- municipal notice on a government-style site; no date anywhere.
# ---------------------------------------------------------------------------
page(
    "27_boil_water_advisory_lifted.html",
    title="Boil-water advisory lifted for Westbrook and Hillcrest neighbourhoods",
    date=None, date_where="none", language="en", encoding="utf-8",
    layout="government notice, no date",
    blocks=[
        "The Town of Ashvale has lifted the precautionary boil-water advisory that had been in place for the Westbrook and Hillcrest neighbourhoods. Residents in these areas may resume using tap water for drinking, cooking and brushing teeth.",
        "The advisory was issued after a water main break on Quarry Road caused a temporary loss of pressure in the distribution system. Two consecutive rounds of sampling, analysed by an accredited laboratory, have since confirmed that the water meets all drinking water standards.",
        "Before using tap water again, residents should run all cold-water taps for at least two minutes to flush household plumbing. Ice made during the advisory should be discarded, and water filters on refrigerators should be replaced according to the manufacturer's instructions.",
        "The Town thanks residents for their patience while crews completed the repair. Anyone with questions about water quality can contact Public Works during regular office hours.",
    ],
    template='''
<!DOCTYPE html>
<html lang="en-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Boil-water advisory lifted for Westbrook and Hillcrest neighbourhoods - Town of Ashvale</title>
<link rel="canonical" href="https://ashvale.example/en/news/boil-water-advisory-lifted-westbrook-hillcrest.aspx">
<link rel="stylesheet" href="/Style%20Library/town.css">
</head>
<body>
<div id="skip"><a href="#maincontent">Skip to main content</a></div>
<div id="header">
  <div id="logo"><a href="/en/index.aspx"><img src="/images/ashvale-crest.png" alt="Town of Ashvale"></a></div>
  <div id="utility"><a href="/fr/">Français</a> | <a href="/en/contact.aspx">Contact us</a> | <a href="/en/report.aspx">Report a problem</a></div>
  <ul id="megamenu">
    <li><a href="/en/living-here/">Living here</a></li>
    <li><a href="/en/town-hall/">Town hall</a></li>
    <li><a href="/en/business/">Business</a></li>
    <li><a href="/en/recreation/">Recreation</a></li>
    <li><a href="/en/news/">News and notices</a></li>
  </ul>
</div>
<div id="breadcrumbs"><a href="/en/index.aspx">Home</a> &gt; <a href="/en/news/">News and notices</a> &gt; Boil-water advisory lifted</div>
<div id="maincontent">
  <div class="sidebar-left">
    <h2>News and notices</h2>
    <ul><li><a href="/en/news/road-closures.aspx">Road closures</a></li><li><a href="/en/news/water-notices.aspx">Water notices</a></li><li><a href="/en/news/public-meetings.aspx">Public meetings</a></li><li><a href="/en/news/subscribe.aspx">Subscribe to alerts</a></li></ul>
  </div>
  <div class="content-area">
    <h1>Boil-water advisory lifted for Westbrook and Hillcrest neighbourhoods</h1>
    <div class="notice-type">Public notice &middot; Water and wastewater</div>
@@1-4@@
    <div class="contact-block">
      <h2>Contact</h2>
      <p>Public Works Department<br>Telephone: 000-000-0000<br>Email: publicworks@ashvale.example</p>
    </div>
    <div class="page-tools"><a href="javascript:window.print()">Print this page</a> | <a href="#" class="share">Share</a> | <a href="/en/feedback.aspx">Was this page helpful?</a></div>
  </div>
</div>
<div id="footer">
  <p>Town of Ashvale, 1 Civic Square</p>
  <p><a href="/en/accessibility.aspx">Accessibility</a> | <a href="/en/privacy.aspx">Privacy</a> | <a href="/en/terms.aspx">Terms of use</a> | <a href="/en/sitemap.aspx">Site map</a></p>
</div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 28 -- German product test with subheadings, date only in <time>, rating box
#       and price-comparison widget.
# ---------------------------------------------------------------------------
page(
    "28_de_faltrad_test.html",
    title="Im Test: Das Faltrad Klappfix C3 überzeugt im Alltag, aber nicht am Berg",
    date="2024-05-17", date_where="time-element", language="de", encoding="utf-8",
    layout="product review, german, subheadings",
    blocks=[
        "Faltbare Fahrräder sind längst nicht mehr nur etwas für Pendler mit kleinen Wohnungen. Das Klappfix C3 will zeigen, dass man auch mit 16-Zoll-Rädern entspannt durch die Stadt kommt. Wir sind es drei Wochen lang gefahren.",
        ("h", "Aufbau und Verarbeitung"),
        "Zusammengeklappt misst das Rad rund 60 mal 58 Zentimeter und passt damit problemlos unter einen Schreibtisch. Nach ein paar Versuchen gelingt das Falten in weniger als 20 Sekunden. Die Scharniere rasten sauber ein und wackelten auch nach längerer Nutzung nicht.",
        ("h", "Fahrverhalten"),
        "Auf ebenen Strecken fährt sich das C3 erstaunlich ruhig. Die Dreigangschaltung reicht für den Stadtverkehr, an längeren Steigungen kommt man allerdings schnell an die Grenzen. Mit 12,4 Kilogramm ist das Rad zudem etwas schwerer als vergleichbare Modelle.",
        "Die Scheibenbremsen packen zuverlässig zu, auch bei Nässe. Weniger gefallen hat uns der schmale Sattel, der auf Strecken über zehn Kilometer unbequem wird.",
        ("h", "Fazit"),
        "Wer ein robustes Faltrad für kurze Wege und die Mitnahme in Bus und Bahn sucht, wird mit dem Klappfix C3 glücklich. Für hügelige Städte empfehlen wir eher ein Modell mit mehr Gängen.",
    ],
    hfmt="<h2>{}</h2>",
    template='''
<!DOCTYPE html>
<html lang="de-DE">
<head>
<meta charset="utf-8">
<title>Klappfix C3 im Test: Faltrad für die Stadt | Technikecke</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="Felix Brandauer">
<meta property="og:site_name" content="Technikecke">
<link rel="canonical" href="https://technikecke.example/tests/mobilitaet/klappfix-c3-faltrad-test">
<link rel="stylesheet" href="/css/te.css">
</head>
<body>
<header class="te-header">
  <a class="te-logo" href="/">Technikecke</a>
  <nav class="te-nav"><a href="/tests">Tests</a> <a href="/news">News</a> <a href="/ratgeber">Ratgeber</a> <a href="/bestenlisten">Bestenlisten</a> <a href="/deals">Deals</a></nav>
</header>
<main class="te-main">
  <article class="te-review">
    <nav class="te-crumbs"><a href="/tests">Tests</a> › <a href="/tests/mobilitaet">Mobilität</a> › Faltrad</nav>
    <h1>Im Test: Das Faltrad Klappfix C3 überzeugt im Alltag, aber nicht am Berg</h1>
    <div class="te-meta">Felix Brandauer · <time datetime="2024-05-17T08:00:00+02:00">17.05.2024</time></div>
    <div class="te-rating-box">
      <div class="te-score">Note: 2,1 (gut)</div>
      <div class="te-plus"><strong>Pro</strong><ul><li>schnell gefaltet</li><li>gute Bremsen</li></ul></div>
      <div class="te-minus"><strong>Contra</strong><ul><li>nur drei Gänge</li><li>unbequemer Sattel</li></ul></div>
    </div>
    <div class="te-body">
@@1-8@@
    </div>
    <div class="te-price-widget">
      <h3>Preisvergleich</h3>
      <table class="te-prices"><tr><td>Radhaus24</td><td>649,00 €</td><td><a href="/go/radhaus24" rel="sponsored">Zum Shop</a></td></tr><tr><td>Velomarkt</td><td>669,00 €</td><td><a href="/go/velomarkt" rel="sponsored">Zum Shop</a></td></tr></table>
      <p class="te-affiliate">* Affiliate-Links: Bei einem Kauf erhalten wir eine Provision.</p>
    </div>
    <div class="te-author-box"><img src="/autoren/felix.jpg" alt=""><p><strong>Felix Brandauer</strong> testet seit 2015 Fahrräder, E-Bikes und alles, was sonst noch Räder hat.</p></div>
  </article>
  <aside class="te-aside">
    <h3>Beliebte Tests</h3>
    <ol><li><a href="/tests/mobilitaet/e-scooter-vergleich">E-Scooter im Vergleich: Fünf Modelle unter 500 Euro</a></li><li><a href="/tests/audio/kopfhoerer-sport">Sportkopfhörer im Test</a></li><li><a href="/tests/mobilitaet/fahrradschloss">Fahrradschlösser: Welche halten, was sie versprechen?</a></li></ol>
  </aside>
</main>
<footer class="te-footer"><a href="/impressum">Impressum</a> · <a href="/datenschutz">Datenschutz</a> · <a href="/so-testen-wir">So testen wir</a> · © Technikecke</footer>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 29 -- op-ed column, HTML5 <main>/<article> with <section> body; date only in
#       the canonical URL; "More opinion" list.
# ---------------------------------------------------------------------------
page(
    "29_oped_park_shade.html",
    title="Opinion: Our parks need more shade and less lawn",
    date="2016-08-03", date_where="url", language="en", encoding="utf-8",
    layout="op-ed, html5",
    blocks=[
        "Anyone who has tried to sit in Memorial Park on an August afternoon knows the problem. There are acres of neatly mown grass, a handful of young trees and almost nowhere to escape the sun.",
        "For decades the city has treated lawn as the default surface for public space. It is cheap to plant, easy to mow and looks tidy in photographs. But as summers grow hotter, open lawn is becoming the least useful part of our parks for the people who most need them: older residents, parents with small children and anyone without air conditioning at home.",
        "Shade trees take years to mature, which is exactly why we should start now. The parks department could commit to planting a set number of large-canopy trees every year in each neighbourhood park, prioritising paths, benches and playgrounds.",
        "Converting some lawn into meadow would also save money on mowing and water. Several cities in drier regions have done this without complaints once residents saw the flowers and the butterflies that came with them.",
        "None of this requires a major new budget line. It requires deciding that comfort in a heatwave matters more than a perfectly uniform green.",
    ],
    template='''
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Opinion: Our parks need more shade and less lawn</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="Teresa Vukovic">
<meta property="og:site_name" content="The Lakeside Observer">
<link rel="canonical" href="https://lakesideobserver.example/2016/08/03/opinion-parks-shade-less-lawn/">
<link rel="stylesheet" href="/wp-content/themes/observer/style.css">
</head>
<body class="opinion">
<header id="top">
  <div class="brand"><a href="/">The Lakeside Observer</a></div>
  <nav class="primary"><ul><li><a href="/news/">News</a></li><li><a href="/opinion/">Opinion</a></li><li><a href="/arts/">Arts</a></li><li><a href="/food/">Food</a></li><li><a href="/events/">Events</a></li><li><a href="/donate/">Donate</a></li></ul></nav>
</header>
<main>
  <article class="column">
    <div class="column-label">Opinion &middot; Guest column</div>
    <h1>Opinion: Our parks need more shade and less lawn</h1>
    <div class="column-author"><img src="/img/teresa-v.jpg" alt=""><span>Teresa Vukovic</span></div>
    <section class="column-body">
@@1-5@@
    </section>
    <section class="column-bio"><p><em>Teresa Vukovic is a landscape architect and a member of the Friends of Memorial Park.</em></p></section>
    <section class="column-disclaimer"><p>Opinions expressed in guest columns are those of the authors. Want to write for us? <a href="/opinion/submit/">Submit a column</a>.</p></section>
  </article>
  <section class="more-opinion">
    <h2>More opinion</h2>
    <ul>
      <li><a href="/opinion/">Editorial: The lake needs a real cleanup plan</a></li>
      <li><a href="/opinion/">Letters: On bike lanes, noise and the new library</a></li>
      <li><a href="/opinion/">Column: What the school board got right this year</a></li>
    </ul>
  </section>
</main>
<footer><p>The Lakeside Observer is a nonprofit newsroom.</p><p><a href="/about/">About</a> &middot; <a href="/contact/">Contact</a> &middot; <a href="/privacy/">Privacy</a></p></footer>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 30 -- lifestyle blog (custom theme), date only as "19/02/2023" in the post
#       header; sidebar archive and "popular posts"; comment list.
# ---------------------------------------------------------------------------
page(
    "30_month_without_car_blog.html",
    title="Thirty days without a car in a small town",
    date="2023-02-19", date_where="byline-text", language="en", encoding="utf-8",
    layout="personal blog, comments",
    blocks=[
        "When the garage told me my car would need a month to repair, my first reaction was panic. I live in a town of eleven thousand people, the nearest supermarket is three kilometres away and the bus comes once an hour on a good day.",
        "In the end I borrowed a friend's old cargo bike, and it changed more than my commute. I started noticing which roads had proper shoulders and which did not, and I learned that the shortest route by car is rarely the most pleasant one on two wheels.",
        "The weekly shop was the hardest part. A cargo bike holds a surprising amount, but not a month's supply of cat litter, so I switched to buying smaller amounts twice a week. That turned out to reduce the amount of food I threw away.",
        "I also spent less money. Without the option of a quick drive, I stopped making impulse trips to the retail park on the edge of town. My bank statement for the month was the smallest I have seen in years.",
        "The car is back now, and I would be lying if I said I never use it. But the bike has stayed, and most short trips are on it.",
    ],
    pfmt="<p>{}</p>",
    template='''
<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Thirty days without a car in a small town - Slow Lane Notes</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="https://slowlanenotes.example/posts/thirty-days-without-a-car">
<link rel="alternate" type="application/atom+xml" href="https://slowlanenotes.example/feed.xml">
<link rel="stylesheet" href="/css/blog.css">
</head>
<body>
<div class="wrapper">
  <div class="blog-header">
    <h2 class="blog-title"><a href="/">Slow Lane Notes</a></h2>
    <p class="blog-tagline">Living a bit slower in a very small town</p>
    <ul class="blog-menu"><li><a href="/">Posts</a></li><li><a href="/about">About me</a></li><li><a href="/now">Now</a></li><li><a href="/feed.xml">RSS</a></li></ul>
  </div>
  <div class="blog-main">
    <div class="post">
      <div class="post-header">
        <h1 class="post-title">Thirty days without a car in a small town</h1>
        <div class="post-info">19/02/2023 &middot; Maya Lindgren &middot; <a href="/tags/cycling">cycling</a>, <a href="/tags/money">money</a></div>
      </div>
      <div class="post-body">
@@1-5@@
      </div>
      <div class="post-footer">
        <p class="thanks">Thanks for reading! If you enjoyed this, you can <a href="/subscribe">subscribe by email</a> or buy me a coffee.</p>
      </div>
    </div>
    <div class="comment-section">
      <h3>7 comments</h3>
      <div class="comment"><div class="c-head"><b>Owen</b> &middot; 20/02/2023</div><div class="c-text">Cargo bikes are brilliant. Ours replaced the second car two years ago.</div></div>
      <div class="comment"><div class="c-head"><b>Lisa T.</b> &middot; 21/02/2023</div><div class="c-text">The cat litter problem is real! We get ours delivered now.</div></div>
      <div class="comment"><div class="c-head"><b>Maya Lindgren</b> &middot; 21/02/2023</div><div class="c-text">@Lisa delivery is a good idea, I hadn't thought of that.</div></div>
      <a class="more-comments" href="?comments=all">Show all comments</a>
      <form class="comment-form"><input name="name" placeholder="Name"><textarea name="text" placeholder="Say something nice"></textarea><button>Send</button></form>
    </div>
  </div>
  <div class="blog-sidebar">
    <div class="widget"><h4>About</h4><p>I'm Maya. I write about small changes that make everyday life a little calmer and a little cheaper.</p></div>
    <div class="widget"><h4>Popular posts</h4><ul><li><a href="/posts/batch-cooking-sundays">Batch cooking on Sundays without hating it</a></li><li><a href="/posts/repairing-jeans">How I finally learned to repair jeans</a></li><li><a href="/posts/library-of-things">Our town's library of things</a></li></ul></div>
    <div class="widget"><h4>Archive</h4><ul><li><a href="/archive/2023/02">February 2023</a></li><li><a href="/archive/2023/01">January 2023</a></li><li><a href="/archive/2022/12">December 2022</a></li><li><a href="/archive/2022/11">November 2022</a></li></ul></div>
  </div>
  <div class="blog-footer">Slow Lane Notes &middot; Made with a static site generator &middot; <a href="/colophon">Colophon</a></div>
</div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 31 -- film review on an ad-heavy entertainment site; JSON-LD (Review with
#       datePublished); many ad slots, sponsored teaser grid.
# ---------------------------------------------------------------------------
page(
    "31_film_review_lighthouse.html",
    title="'The Lighthouse Keeper's Daughter' review: a quiet drama that trusts its silences",
    date="2020-04-09", date_where="json-ld", language="en", encoding="utf-8",
    layout="film review, ad-heavy, json-ld",
    blocks=[
        "There are long stretches of <em>The Lighthouse Keeper's Daughter</em> in which nobody speaks at all. A kettle boils, the wind pushes at the window frames, a foghorn sounds somewhere out in the grey. It is a measure of the film's confidence that these moments never feel like padding.",
        "The story is slight. Ingrid, a marine engineer in her forties, returns to the remote island where she grew up to clear out her late father's house before the lighthouse is automated. Her estranged brother arrives a day later, and the two spend a week circling old arguments they never finished.",
        "Director Mateo Varga, making his second feature, shoots almost everything in natural light, and the island's weather becomes a third character. When a storm traps the siblings indoors, the film's single long argument plays out in one unbroken take that is genuinely hard to watch.",
        "Not everything works. A subplot involving a visiting journalist feels borrowed from a different, busier film, and the final scene spells out what the previous ninety minutes had already made clear.",
        "Still, the two central performances are superb, and the film's patience is its strength. It is the kind of drama that lingers for days afterwards.",
    ],
    pfmt='<p class="rv-p">{}</p>',
    template='''
<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<title>'The Lighthouse Keeper's Daughter' review: a quiet drama that trusts its silences | Reel Notes</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="https://reelnotes.example/reviews/the-lighthouse-keepers-daughter">
<meta property="og:site_name" content="Reel Notes">
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"Review","name":"'The Lighthouse Keeper's Daughter' review","datePublished":"2020-04-09T16:00:00Z","author":{"@type":"Person","name":"Oliver Strand"},"publisher":{"@type":"Organization","name":"Reel Notes"},"reviewRating":{"@type":"Rating","ratingValue":"4","bestRating":"5"},"itemReviewed":{"@type":"Movie","name":"The Lighthouse Keeper's Daughter","director":{"@type":"Person","name":"Mateo Varga"}}}
</script>
<script async src="https://static.adserve.example/tag.js"></script>
</head>
<body>
<div class="ad-wrap ad-wrap--top"><div class="ad-text">Advertisement</div><iframe id="google_ads_iframe_top" src="https://static.adserve.example/frame.html?sz=970x250" width="970" height="250" frameborder="0" scrolling="no" title="Advertisement"></iframe></div>
<header class="rn-header"><a class="rn-logo" href="/">REEL NOTES</a><nav><a href="/reviews">Reviews</a><a href="/news">News</a><a href="/streaming">Streaming guide</a><a href="/festivals">Festivals</a><a href="/interviews">Interviews</a></nav></header>
<div class="rn-container">
  <div class="rn-review">
    <div class="rn-kicker">Film review</div>
    <h1 class="rn-title">'The Lighthouse Keeper's Daughter' review: a quiet drama that trusts its silences</h1>
    <div class="rn-byline">Oliver Strand</div>
    <div class="rn-rating" aria-label="4 out of 5 stars">&#9733;&#9733;&#9733;&#9733;&#9734;</div>
    <div class="rn-details">Director: Mateo Varga &middot; Running time: 98 minutes &middot; Certificate: 12A &middot; In cinemas and on demand</div>
    <div class="rn-body">
@@1@@
      <div class="ad-wrap ad-wrap--inline"><div class="ad-text">Advertisement</div><iframe src="https://static.adserve.example/frame.html?sz=300x250&amp;pos=1" width="300" height="250" frameborder="0" scrolling="no" title="Advertisement"></iframe></div>
@@2@@
      <div class="ad-wrap ad-wrap--video"><div class="ad-text">Advertisement</div><div class="video-ad-player" data-autoplay="muted"><iframe src="https://video.adserve.example/player?slot=outstream" width="640" height="360" frameborder="0" allow="autoplay"></iframe></div></div>
@@3@@
      <div class="ad-wrap ad-wrap--inline"><div class="ad-text">Advertisement</div><iframe src="https://static.adserve.example/frame.html?sz=300x250&amp;pos=2" width="300" height="250" frameborder="0" scrolling="no" title="Advertisement"></iframe></div>
@@4-5@@
      <div class="rn-where-to-watch"><span class="ad-text">Sponsored</span> <a href="https://streamflix.example/watch/lighthouse?aff=reelnotes">Watch now on StreamFlix, free 7-day trial</a></div>
    </div>
    <div class="rn-more"><h3>More reviews</h3><ul><li><a href="/reviews/salt-and-iron">'Salt and Iron' review</a></li><li><a href="/reviews/the-night-ferry">'The Night Ferry' review</a></li><li><a href="/reviews/summer-of-the-kites">'Summer of the Kites' review</a></li></ul></div>
    <div class="rn-sponsored-grid">
      <h3>Around the web</h3>
      <div class="tile"><a href="https://t.promoted.example/1"><img src="https://t.promoted.example/1.jpg" alt="">Actors who turned down iconic roles</a><small>Promoted | CelebDaily</small></div>
      <div class="tile"><a href="https://t.promoted.example/2"><img src="https://t.promoted.example/2.jpg" alt="">This streaming bundle is half price for a year</a><small>Sponsored | StreamDeals</small></div>
      <div class="tile"><a href="https://t.promoted.example/3"><img src="https://t.promoted.example/3.jpg" alt="">The sofa that Reddit can't stop talking about</a><small>Sponsored | ComfyHome</small></div>
      <div class="tile"><a href="https://t.promoted.example/4"><img src="https://t.promoted.example/4.jpg" alt="">15 filming locations you can actually visit</a><small>Promoted | TravelReel</small></div>
    </div>
  </div>
  <aside class="rn-sidebar">
    <div class="ad-wrap ad-wrap--rail"><div class="ad-text">Advertisement</div><iframe src="https://static.adserve.example/frame.html?sz=300x600" width="300" height="600" frameborder="0" scrolling="no" title="Advertisement"></iframe></div>
    <div class="rn-top5"><h4>Top 5 this week</h4><ol><li><a href="/reviews/salt-and-iron">Salt and Iron</a></li><li><a href="/reviews/a-wedding-in-june">A Wedding in June</a></li><li><a href="/reviews/ghost-signal">Ghost Signal</a></li><li><a href="/reviews/the-night-ferry">The Night Ferry</a></li><li><a href="/reviews/paper-moons">Paper Moons</a></li></ol></div>
    <div class="ad-wrap ad-wrap--rail"><div class="ad-text">Advertisement</div><iframe src="https://static.adserve.example/frame.html?sz=300x250&amp;pos=rail2" width="300" height="250" frameborder="0" scrolling="no" title="Advertisement"></iframe></div>
  </aside>
</div>
<footer class="rn-footer"><a href="/about">About Reel Notes</a> | <a href="/advertise">Advertise</a> | <a href="/privacy">Privacy</a> | <a href="/cookies">Cookie settings</a><br>&copy; Reel Notes Media</footer>
<div class="ad-wrap ad-wrap--sticky"><div class="ad-text">Advertisement</div><iframe src="https://static.adserve.example/frame.html?sz=728x90&amp;pos=sticky" width="728" height="90" frameborder="0" scrolling="no" title="Advertisement"></iframe></div>
</body>
</html>
''')

# ---------------------------------------------------------------------------
# 32 -- community news with HTML5 <main>/<article>, date only in <time>,
#       "Trending" sidebar with other <time> dates, comments with dates,
#       newsletter box, long footer.
# ---------------------------------------------------------------------------
page(
    "32_chess_open_junior_winner.html",
    title="Twelve-year-old wins open chess tournament ahead of 80 adults",
    date="2025-06-08", date_where="time-element", language="en", encoding="utf-8",
    layout="community news, html5, sidebar dates, comments",
    blocks=[
        "A twelve-year-old from Brackenfield has won the Hallam Open chess tournament, finishing ahead of more than 80 adult players, including three titled masters, in a competition that ran across two weekends at the town hall.",
        "Iris Nakamura scored six points from seven games, drawing only with the top seed and with a retired schoolteacher who has played in the tournament every year since it began. Her final-round win, a long endgame with rook and pawns, finished after nearly five hours of play.",
        "Nakamura learned chess at the age of seven from her grandfather and now plays for the junior section of the local club. Her coach, Martin Ellery, said her calmness under time pressure set her apart. &ldquo;She does not panic when the clock is running down. Most adults do,&rdquo; he said.",
        "The tournament organisers said this year's entry was the largest on record, helped by a rise in the number of younger players. The junior section, held alongside the open event, had 46 entrants.",
        "Nakamura's prize includes a cash award and an invitation to the regional championship in the autumn. Asked what she planned to do with the money, she said she would buy a new chess clock.",
    ],
    template='''
<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Twelve-year-old wins open chess tournament ahead of 80 adults | Hallam Weekly</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="Rhona Gilchrist">
<meta property="og:site_name" content="Hallam Weekly">
<meta property="og:type" content="article">
<link rel="canonical" href="https://hallamweekly.example/community/twelve-year-old-wins-hallam-open-chess">
<link rel="stylesheet" href="/assets/hw.css">
</head>
<body>
<div class="cookie-bar">This site uses cookies to improve your experience. <a href="/cookies">Find out more</a> <button>OK</button></div>
<header class="hw-header">
  <div class="hw-brand"><a href="/">Hallam Weekly</a><span>Your town, every week</span></div>
  <nav class="hw-nav"><ul><li><a href="/news">News</a></li><li><a href="/community">Community</a></li><li><a href="/sport">Sport</a></li><li><a href="/schools">Schools</a></li><li><a href="/whats-on">What's on</a></li><li><a href="/notices">Notices</a></li></ul></nav>
</header>
<div class="hw-grid">
<main class="hw-main">
  <article class="hw-article">
    <nav class="hw-breadcrumb"><a href="/">Home</a> / <a href="/community">Community</a></nav>
    <h1>Twelve-year-old wins open chess tournament ahead of 80 adults</h1>
    <p class="hw-meta">By <span class="hw-author">Rhona Gilchrist</span> &bull; <time datetime="2025-06-08T18:00:00+01:00" pubdate>8 June 2025</time></p>
    <figure><img src="/uploads/iris-nakamura-chess.jpg" alt="Iris Nakamura at the chessboard"><figcaption>Iris Nakamura during her final-round game at the town hall.</figcaption></figure>
    <div class="hw-article-body">
@@1-5@@
    </div>
    <div class="hw-share">Share this story: <a href="#">Facebook</a> <a href="#">WhatsApp</a> <a href="#">Email</a></div>
  </article>
  <section class="hw-comments">
    <h2>Comments</h2>
    <article class="hw-comment"><header><strong>ChessDad</strong> <time datetime="2025-06-09T08:14:00+01:00">9 June 2025</time></header><p>Fantastic result. I played her in round two and she took me apart.</p></article>
    <article class="hw-comment"><header><strong>Brackenfield Primary PTA</strong> <time datetime="2025-06-10T16:02:00+01:00">10 June 2025</time></header><p>So proud of our former pupil!</p></article>
  </section>
</main>
<aside class="hw-aside">
  <section class="hw-trending">
    <h3>Trending</h3>
    <ol>
      <li><a href="/news/ring-road-roadworks">Ring road roadworks to last all summer</a> <time datetime="2025-06-05">5 June 2025</time></li>
      <li><a href="/community/allotment-waiting-list">Allotment waiting list hits five years</a> <time datetime="2025-06-02">2 June 2025</time></li>
      <li><a href="/sport/cricket-club-centenary">Cricket club celebrates its centenary</a> <time datetime="2025-05-29">29 May 2025</time></li>
    </ol>
  </section>
  <section class="hw-newsletter"><h3>Hallam Weekly in your inbox</h3><p>Every Friday: the week's news, events and notices.</p><form><input type="email" placeholder="Email address"><button>Sign me up</button></form></section>
</aside>
</div>
<footer class="hw-footer">
  <div class="hw-footer-links">
    <ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact the newsroom</a></li><li><a href="/advertise">Advertise</a></li><li><a href="/notices/submit">Submit a notice</a></li></ul>
    <ul><li><a href="/privacy">Privacy</a></li><li><a href="/cookies">Cookies</a></li><li><a href="/terms">Terms</a></li><li><a href="/complaints">Complaints</a></li></ul>
  </div>
  <p>&copy; 2025 Hallam Weekly Community Media CIC</p>
</footer>
</body>
</html>
''')


# ===========================================================================
# Writers
# ===========================================================================

def build_pages() -> dict[str, bytes]:
    """Render all pages; return {file name: encoded bytes}."""
    out: dict[str, bytes] = {}
    names = set()
    for p in PAGES:
        if p["fname"] in names:
            raise AssertionError(f"duplicate page {p['fname']}")
        names.add(p["fname"])
        for b in p["blocks"]:
            frags = [b] if isinstance(b, str) else ([b[1]] if b[0] == "h" else b[1])
            for f in frags:
                _check_fragment(p["fname"], f)
        n_words = len(gold_text(p).split())
        if not 120 <= n_words <= 450:
            raise AssertionError(f"{p['fname']}: {n_words} words")
        doc = render(p)
        if p["encoding"] == "iso-8859-1" and "charset" in doc.lower():
            raise AssertionError(f"{p['fname']}: must not declare a charset")
        out[p["fname"]] = doc.encode(p["encoding"])  # strict: fails on unencodable chars
    return out


def build_expected() -> dict:
    exp = {}
    for p in sorted(PAGES, key=lambda q: q["fname"]):
        exp[p["fname"]] = {
            "text": gold_text(p),
            "title": _strip(p["title"]),
            "date": p["date"],
            "date_where": p["date_where"],
            "language": p["language"],
            "encoding": p["encoding"],
            "layout": p["layout"],
        }
    return exp


def canonical_url(fname: str) -> str:
    p = next(q for q in PAGES if q["fname"] == fname)
    m = re.search(r'<link rel="canonical" href="([^"]+)"', p["template"])
    if not m:
        raise AssertionError(f"{fname} has no canonical URL")
    return m.group(1)


# ---------------------------------------------------------------- WARC helpers

def _rid(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'unspin-extract-corpus/' + name)}>"


def _warc_date(i: int) -> str:
    return f"2024-03-01T12:{i // 60:02d}:{i % 60:02d}Z"


def _http_date(i: int) -> str:
    return f"Fri, 01 Mar 2024 12:{i // 60:02d}:{i % 60:02d} GMT"


def _tiny_png() -> bytes:
    """A valid 2x2 RGB PNG, built deterministically."""
    def chunk(tag, data):
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))
    raw = b"".join(b"\x00" + bytes([200, 30, 30, 30, 120, 200]) for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


def _tiny_pdf() -> bytes:
    """A minimal one-page PDF with a correct xref table."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        None,  # content stream, filled below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    stream = b"BT /F1 12 Tf 20 50 Td (Annual report 2023) Tj ET"
    objs[3] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


NOT_FOUND_HTML = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>404 Not Found</title></head>
<body><h1>Not found</h1><p>The page you requested could not be found.</p>
<hr><address>nginx</address></body></html>
"""


class _Warc:
    """Small deterministic wrapper around warcio's WARCWriter."""

    def __init__(self, filename: str):
        from warcio.warcwriter import WARCWriter
        self.buf = BytesIO()
        self.writer = WARCWriter(self.buf, gzip=True, warc_version="1.0")
        self.filename = filename
        self.tick = 0
        self.offsets: list[tuple[str, int, int]] = []  # (label, start, end)

    def _write(self, label, record):
        start = self.buf.tell()
        self.writer.write_record(record)
        self.offsets.append((label, start, self.buf.tell()))

    def _next(self):
        i = self.tick
        self.tick += 1
        return i

    def warcinfo(self):
        i = self._next()
        body = (b"software: unspin make_corpus.py (warcio)\r\n"
                b"format: WARC File Format 1.0\r\n"
                b"isPartOf: unspin-extract-test-corpus\r\n"
                b"description: Synthetic pages for extraction tests; all content is fictional.\r\n"
                b"robots: obey\r\n")
        rec = self.writer.create_warc_record(
            "", "warcinfo", payload=BytesIO(body), length=len(body),
            warc_content_type="application/warc-fields",
            warc_headers_dict={"WARC-Record-ID": _rid(self.filename + "/warcinfo"),
                               "WARC-Date": _warc_date(i),
                               "WARC-Filename": self.filename})
        self._write("warcinfo", rec)

    def response(self, uri, body, ctype, status="200 OK", with_request=False,
                 extra_headers=()):
        from warcio.statusandheaders import StatusAndHeaders
        i = self._next()
        rid = _rid(f"{self.filename}/response/{uri}")
        headers = [("Date", _http_date(i)), ("Server", "nginx"),
                   ("Content-Type", ctype), ("Content-Length", str(len(body))),
                   *extra_headers, ("Connection", "close")]
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        wd = {"WARC-Record-ID": rid, "WARC-Date": _warc_date(i),
              "WARC-IP-Address": "192.0.2.%d" % (10 + i)}
        rec = self.writer.create_warc_record(uri, "response", payload=BytesIO(body),
                                             length=len(body), http_headers=http,
                                             warc_headers_dict=wd)
        if with_request:
            path = re.sub(r"^https?://[^/]+", "", uri) or "/"
            host = re.match(r"^https?://([^/]+)", uri).group(1)
            req_http = StatusAndHeaders(
                f"GET {path} HTTP/1.1",
                [("Host", host), ("User-Agent", "unspin-test-crawler/0.1 (+https://example.org/bot)"),
                 ("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
                 ("Accept-Encoding", "identity"), ("Connection", "close")],
                is_http_request=True)
            req = self.writer.create_warc_record(
                uri, "request", http_headers=req_http,
                warc_headers_dict={"WARC-Record-ID": _rid(f"{self.filename}/request/{uri}"),
                                   "WARC-Date": _warc_date(i),
                                   "WARC-Concurrent-To": rid})
            self._write(f"request {uri}", req)
        self._write(f"response {uri}", rec)
        return rid, i

    def metadata(self, uri, refers_to, tick, fields: bytes):
        rec = self.writer.create_warc_record(
            uri, "metadata", payload=BytesIO(fields), length=len(fields),
            warc_content_type="application/warc-fields",
            warc_headers_dict={"WARC-Record-ID": _rid(f"{self.filename}/metadata/{uri}"),
                               "WARC-Date": _warc_date(tick),
                               "WARC-Concurrent-To": refers_to})
        self._write(f"metadata {uri}", rec)

    def getvalue(self) -> bytes:
        return self.buf.getvalue()


# Pages reused (byte for byte) inside the WARC files.
CRAWL_PAGES = [
    "01_harbor_council_ferry.html",
    "02_coral_spawning_study.html",
    "16_ru_biblioteka_cp1251.html",
    "22_startup_frostgrid_funding.html",
    "25_bakery_closing.html",
]
TRUNCATED_PAGES = [
    "03_cup_final_report.html",
    "11_de_radweg_stadtrat.html",
    "19_feature_mended_museum.html",
]


def _ctype(fname):
    enc = next(q["encoding"] for q in PAGES if q["fname"] == fname)
    return f"text/html; charset={enc}"


def build_crawl_warc(pages: dict[str, bytes]) -> bytes:
    w = _Warc("crawl.warc.gz")
    w.warcinfo()
    first_rid = first_tick = None
    for k, fname in enumerate(CRAWL_PAGES):
        rid, tick = w.response(canonical_url(fname), pages[fname], _ctype(fname),
                               with_request=k < 3)
        if k == 0:
            first_rid, first_tick = rid, tick
    w.response("https://dailyharbor.example/static/img/pixel-logo.png", _tiny_png(),
               "image/png", with_request=True,
               extra_headers=[("Cache-Control", "max-age=31536000")])
    w.response("https://wirefront.example/docs/halvorsen-energy-annual-report-2023.pdf",
               _tiny_pdf(), "application/pdf",
               extra_headers=[("Content-Disposition", 'inline; filename="annual-report-2023.pdf"')])
    w.response("https://dailyharbor.example/local/this-story-was-removed", NOT_FOUND_HTML,
               "text/html; charset=utf-8", status="404 Not Found", with_request=True)
    w.metadata(canonical_url(CRAWL_PAGES[0]), first_rid, first_tick,
               b"via: https://dailyharbor.example/local\r\n"
               b"hopsFromSeed: L\r\n"
               b"fetchTimeMs: 231\r\n"
               b"outlink: https://dailyharbor.example/local/fish-market-roof L a/@href\r\n"
               b"outlink: https://dailyharbor.example/local/lifeboat-open-day L a/@href\r\n")
    return w.getvalue()


def build_truncated_warc(pages: dict[str, bytes]) -> tuple[bytes, int, int]:
    w = _Warc("truncated.warc.gz")
    w.warcinfo()
    for fname in TRUNCATED_PAGES:
        w.response(canonical_url(fname), pages[fname], _ctype(fname))
    data = w.getvalue()
    label, start, end = w.offsets[-1]
    assert label.startswith("response") and end == len(data)
    cut = start + (end - start) // 2
    return data[:cut], start, end


def main() -> None:
    pages = build_pages()
    PAGES_DIR.mkdir(parents=True, exist_ok=True)
    for old in PAGES_DIR.glob("*.html"):
        if old.name not in pages:
            old.unlink()
    for fname, data in pages.items():
        (PAGES_DIR / fname).write_bytes(data)

    expected = build_expected()
    (HERE / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    crawl = build_crawl_warc(pages)
    (HERE / "crawl.warc.gz").write_bytes(crawl)
    trunc, start, end = build_truncated_warc(pages)
    (HERE / "truncated.warc.gz").write_bytes(trunc)

    print(f"wrote {len(pages)} pages, expected.json ({len(expected)} entries), "
          f"crawl.warc.gz ({len(crawl)} bytes), truncated.warc.gz ({len(trunc)} bytes; "
          f"third response member spans {start}-{end}, cut at {len(trunc)})")


if __name__ == "__main__":
    main()
