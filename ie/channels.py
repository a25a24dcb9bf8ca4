"""Words that name the channels information is disclosed through, shared by the keyword rules (``ie/keywords.py``)
and the headline-field merge (``ie/fields.py``): one place for each vocabulary."""

from __future__ import annotations

__all__ = ["NEW_MEDIA_WORDS", "NEWS_OUTLET_WORDS"]

#: the body's own new-media accounts (labels.md: ``DISCLOSED_NEWMEDIA``)
NEW_MEDIA_WORDS = r"微信|微博|公众号|[新自]媒体|客户端|抖音|头条|视频号|[双两]微(?!信|博)"

#: news outlets: stories placed with them are press events (labels.md: ``PRESS_EVENTS``), never the body's own
#: channel. 新媒体 and 自媒体 are the body's accounts; 公报刊登 is the gazette carrying items.
NEWS_OUTLET_WORDS = r"新闻媒体|(?<![新自])媒体|(?<!公)报刊|报纸|日报|电视台?|广播|电台"
