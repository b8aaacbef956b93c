"""From a news article to candidate events for the analyst to review (issue 17).

Split by concern, lowest first: :mod:`.text` (decoding, HTML stripping, checks), :mod:`.sentences`,
:mod:`.number_words`, :mod:`.calendar_days` (days, their precision and windows), :mod:`.dates` and
:mod:`.anchoring` (resolved against the publication date and the context), :mod:`.vocabulary` (ACLED's event
words), :mod:`.triggers` and :mod:`.side_triggers` (the trigger patterns), :mod:`.abroad`, :mod:`.regions`,
:mod:`.mentions`, :mod:`.spelling`, :mod:`.place_names` and :mod:`.places` (the offline gazetteer;
:mod:`.unknown_districts` and :mod:`.province_readings`, districts it lacks and namesakes read by province), :mod:`.event_types`
(ACLED types from trigger words, actors), :mod:`.sources` and :mod:`.attribution` (claimed_by and
status), :mod:`.incidents` (one event from several sentences; accounts of one incident), :mod:`.model`,
:mod:`.context`, :mod:`.selection`, :mod:`.building`, :mod:`.reading` (one sentence read),
:mod:`.trigger_steps` (one trigger word to candidates; :mod:`.causes`, a cause clause as an event of its own;
:mod:`.shared_counts`, a toll shared out over places; :mod:`.attackers`, a named ground force's attack as an
event of its own) and :mod:`.candidates` (the pass over the
article), and :mod:`.rows` (candidates as rows in our columns). Rules, no model: nothing is
downloaded and nothing is stored here.
"""

from utils.importers.article.candidates import EventCandidate, Extraction, Skipped, extract_events
from utils.importers.article.places import PlaceIndex, build_place_index
from utils.importers.article.rows import candidate_rows, check_published, extract_article
from utils.importers.article.text import ArticleError, article_text

__all__ = ["ArticleError", "EventCandidate", "Extraction", "PlaceIndex", "Skipped", "article_text",
           "build_place_index", "candidate_rows", "check_published", "extract_article", "extract_events"]
