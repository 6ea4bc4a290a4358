//! RSS 2.0 (and RSS 1.0), Atom, YouTube and podcast feeds, read with `quick-xml`.
//!
//! Entity references are resolved only for XML's five predefined entities and character
//! references; a DOCTYPE that declares entities is refused, so nothing is ever expanded.

use super::text::{html_to_text, one_line, rfc2822_date, rfc3339_date};
use super::{FeedError, FeedItem, Source};
use crate::domain::journal::validation::is_web_url;
use crate::domain::journal::ActivityType;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// Which text of an item is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Link,
    Guid,
    Published,
    Updated,
    Summary,
    Content,
    MediaDescription,
}

/// What an item says, as read.
#[derive(Debug, Default)]
struct RawItem {
    title: String,
    title_html: bool,
    link: Option<String>,
    guid: String,
    guid_is_link: bool,
    published: String,
    updated: String,
    summary: String,
    summary_html: bool,
    content: String,
    content_html: bool,
    media_description: String,
    enclosure: Option<String>,
    video_id: bool,
    views: Option<u64>,
}

#[derive(Debug, Default)]
struct Hints {
    itunes: bool,
    youtube: bool,
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).ok()??;
    a.normalized_value(XmlVersion::Implicit1_0)
        .ok()
        .map(|v| v.trim().to_string())
}

/// Whether a `type` attribute (Atom text constructs) says the text is HTML.
fn is_html(e: &BytesStart<'_>) -> bool {
    matches!(attr(e, "type").as_deref(), Some("html") | Some("text/html"))
}

/// Reads an RSS or Atom document. `Err(NotAFeed)` when its root is something else.
pub fn parse(text: &str) -> Result<(Source, Vec<FeedItem>, usize), FeedError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().allow_dangling_amp = true;
    let mut root: Option<String> = None;
    let mut depth = 0usize;
    let mut hints = Hints::default();
    let mut item: Option<(RawItem, usize)> = None;
    let mut field: Option<(Field, usize)> = None;
    let mut buf = String::new();
    let mut items: Vec<FeedItem> = Vec::new();
    let mut undated = 0usize;
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(_) if root.is_none() => return Err(FeedError::NotAFeed),
            Err(_) => return Err(FeedError::Malformed),
        };
        match event {
            Event::Eof if depth > 0 => return Err(FeedError::Malformed),
            Event::Eof => break,
            Event::DocType(d) if d.to_ascii_uppercase().contains("<!ENTITY") => {
                return Err(FeedError::EntityDeclarations);
            }
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.name().as_ref().to_string();
                if root.is_none() {
                    if !matches!(name.as_str(), "rss" | "feed" | "rdf:RDF") {
                        return Err(FeedError::NotAFeed);
                    }
                    root = Some(name.clone());
                }
                if !empty {
                    depth += 1;
                }
                if name.starts_with("itunes:") {
                    hints.itunes = true;
                }
                if name == "yt:channelId" || name == "yt:videoId" {
                    hints.youtube = true;
                }
                let opens_item = matches!(name.as_str(), "item" | "entry");
                match (&mut item, opens_item) {
                    (None, true) if !empty => item = Some((RawItem::default(), depth)),
                    (Some((raw, _)), _) if field.is_none() => {
                        if let Some(f) = open_field(raw, &name, e) {
                            if !empty {
                                buf.clear();
                                field = Some((f, depth));
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::End(_) => {
                if let Some((f, at)) = field {
                    if at == depth {
                        if let Some((raw, _)) = item.as_mut() {
                            close_field(raw, f, std::mem::take(&mut buf));
                        }
                        field = None;
                    }
                }
                if item.as_ref().is_some_and(|(_, at)| *at == depth) {
                    if let Some((raw, _)) = item.take() {
                        match finish(raw, &hints) {
                            Some(i) => items.push(i),
                            None => undated += 1,
                        }
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(t) if field.is_some() => buf.push_str(&t.xml10_content()),
            Event::CData(c) if field.is_some() => buf.push_str(&c.xml10_content()),
            Event::GeneralRef(r) if field.is_some() => {
                if r.is_char_ref() {
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        buf.push(c);
                    }
                } else if let Some(s) = resolve_predefined_entity(&r) {
                    buf.push_str(s);
                } else {
                    // Not expanded: an HTML name in text that is HTML is decoded later.
                    buf.push('&');
                    buf.push_str(&r);
                    buf.push(';');
                }
            }
            _ => {}
        }
    }
    let source = if hints.youtube {
        Source::YouTube
    } else if items.iter().any(|i| i.kind == ActivityType::Podcast) {
        Source::Podcast
    } else if root.as_deref() == Some("feed") {
        Source::Atom
    } else if root.is_some() {
        Source::Rss
    } else {
        return Err(FeedError::NotAFeed);
    };
    Ok((source, items, undated))
}

/// Notes what an element inside an item says through its attributes, and which text to
/// read from it.
fn open_field(raw: &mut RawItem, name: &str, e: &BytesStart<'_>) -> Option<Field> {
    match name {
        "title" => {
            raw.title_html = is_html(e);
            Some(Field::Title)
        }
        "link" => {
            match (attr(e, "href"), attr(e, "rel").as_deref()) {
                (Some(href), None | Some("alternate")) => {
                    raw.link.get_or_insert(href);
                }
                (Some(_), Some("enclosure")) => {
                    raw.enclosure = Some(attr(e, "type").unwrap_or_default());
                }
                (Some(_), _) => {}
                (None, _) => return Some(Field::Link),
            }
            None
        }
        "guid" => {
            raw.guid_is_link = attr(e, "isPermaLink").as_deref() != Some("false");
            Some(Field::Guid)
        }
        "pubDate" | "published" | "dc:date" => Some(Field::Published),
        "updated" => Some(Field::Updated),
        "description" | "summary" => {
            raw.summary_html = name == "description" || is_html(e);
            Some(Field::Summary)
        }
        "content:encoded" | "content" => {
            raw.content_html = name == "content:encoded" || is_html(e);
            Some(Field::Content)
        }
        "media:description" | "itunes:summary" => Some(Field::MediaDescription),
        "enclosure" | "media:content" => {
            let kind = attr(e, "type")
                .or_else(|| attr(e, "medium"))
                .unwrap_or_default();
            if raw.enclosure.as_deref().is_none_or(str::is_empty) {
                raw.enclosure = Some(kind);
            }
            None
        }
        "yt:videoId" => {
            raw.video_id = true;
            None
        }
        "media:statistics" => {
            raw.views = attr(e, "views").and_then(|v| v.parse().ok());
            None
        }
        _ => None,
    }
}

fn close_field(raw: &mut RawItem, field: Field, text: String) {
    match field {
        Field::Title => raw.title = text,
        Field::Link => {
            raw.link.get_or_insert(text.trim().to_string());
        }
        Field::Guid => raw.guid = text.trim().to_string(),
        Field::Published => raw.published = text,
        Field::Updated => raw.updated = text,
        Field::Summary => raw.summary = text,
        Field::Content => raw.content = text,
        Field::MediaDescription => raw.media_description = text,
    }
}

/// The item as a draft, or `None` when it has no date or no title to show.
fn finish(raw: RawItem, hints: &Hints) -> Option<FeedItem> {
    let date_text = if raw.published.trim().is_empty() {
        raw.updated.trim()
    } else {
        raw.published.trim()
    };
    let date = rfc3339_date(date_text).or_else(|| rfc2822_date(date_text))?;
    let title = if raw.title_html {
        one_line(&html_to_text(&raw.title))
    } else {
        one_line(&raw.title)
    };
    let url = raw
        .link
        .filter(|l| is_web_url(l))
        .or_else(|| (raw.guid_is_link && is_web_url(&raw.guid)).then_some(raw.guid));
    let as_text = |text: &str, html: bool| {
        if html {
            html_to_text(text)
        } else {
            super::text::tidy(text)
        }
    };
    let description = [
        as_text(&raw.summary, raw.summary_html),
        super::text::tidy(&raw.media_description),
        as_text(&raw.content, raw.content_html),
    ]
    .into_iter()
    .find(|t| !t.is_empty())
    .unwrap_or_default();
    let enclosure = raw.enclosure.unwrap_or_default().to_ascii_lowercase();
    let kind = if raw.video_id || hints.youtube || enclosure.starts_with("video") {
        ActivityType::Video
    } else if enclosure.starts_with("audio") || (hints.itunes && !enclosure.is_empty()) {
        ActivityType::Podcast
    } else {
        ActivityType::Blog
    };
    let title = if title.is_empty() {
        one_line(&description)
    } else {
        title
    };
    if title.is_empty() {
        return None;
    }
    Some(FeedItem {
        title,
        date,
        end_date: None,
        url,
        description,
        kind,
        views: raw.views,
    })
}
