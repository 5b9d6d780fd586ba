//! Tijdlijn: the opgaven against time, with their LTA dates, deadlines, start and end, and
//! today's line.

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use super::widgets::{ellipsis, first_visible, header};
use crate::app::App;
use crate::app::tijdlijn::{Marker, MarkerSoort, TijdRij, TijdlijnView, Zoom, maat};
use crate::wording;

/// The symbol of a marker.
pub fn symbool(s: MarkerSoort) -> &'static str {
    match s {
        MarkerSoort::LtaRaad => wording::lta_symbool(Some(crate::domain::LtaSoort::Raad)),
        MarkerSoort::LtaCollege => wording::lta_symbool(Some(crate::domain::LtaSoort::College)),
        MarkerSoort::Lta => wording::lta_symbool(None),
        MarkerSoort::Deadline => "●",
        MarkerSoort::Start => "[",
        MarkerSoort::Eind => "]",
    }
}

/// The style of a marker: LTA dates stand out, a deadline passed is a conflict.
fn stijl(m: &Marker, vandaag: NaiveDate, theme: &Theme) -> Style {
    match m.soort {
        MarkerSoort::LtaRaad => theme.accent.add_modifier(Modifier::BOLD),
        MarkerSoort::LtaCollege | MarkerSoort::Lta => theme.title.add_modifier(Modifier::BOLD),
        MarkerSoort::Deadline if m.datum < vandaag => theme.conflict,
        MarkerSoort::Deadline => theme.warning,
        MarkerSoort::Start | MarkerSoort::Eind => theme.text,
    }
}

/// The timeline view.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let v = &app.views.tijdlijn;
    let vandaag = app.session.vandaag;
    let (naam_w, cellen) = maat(area.width);
    let laatste = v.dag(cellen.saturating_sub(1)) + chrono::Duration::days(v.zoom.dagen() - 1);
    header(
        frame,
        area,
        wording::tijdlijn_titel(super::woorden::zoom(v.zoom), v.begin, laatste),
        wording::tijdlijn_toetsen(),
        theme,
    );
    if area.height < 6 {
        return;
    }
    let onder: u16 = 2;
    let as_y = area.y + 2;
    frame.render_widget(
        Paragraph::new(as_lijnen(v, naam_w, cellen, theme)),
        Rect {
            y: as_y,
            height: 2,
            ..area
        },
    );
    let body = Rect {
        y: as_y + 2,
        height: area.height.saturating_sub(4 + onder),
        ..area
    };
    if v.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(wording::geen_opgaven(), theme.dim)),
            body,
        );
        return;
    }
    let hoogte = usize::from(body.height);
    let eerste = first_visible(v.row, hoogte);
    let lines: Vec<Line> = v
        .rows
        .iter()
        .enumerate()
        .skip(eerste)
        .take(hoogte)
        .map(|(i, r)| rij(v, i, r, naam_w, cellen, vandaag, theme))
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
    let voet = Rect {
        y: body.y + body.height,
        height: onder.min(area.height.saturating_sub(body.y + body.height - area.y)),
        ..area
    };
    let w = usize::from(area.width);
    let eerste_regel = match v.selected() {
        Some(m) => {
            let opgave = v.rows.get(v.row).map_or("", |r| r.naam.as_str());
            let samen = v.rows.get(v.row).map_or(0, |r| {
                r.markers
                    .iter()
                    .filter(|x| v.cel(x.datum, cellen) == v.cel(m.datum, cellen))
                    .count()
            });
            let (kop, wat, meer) = super::woorden::markering(m, opgave, samen);
            let ruimte = w.saturating_sub(3 + kop.chars().count() + meer.chars().count());
            Line::from(vec![
                Span::styled(format!(" {} ", symbool(m.soort)), stijl(m, vandaag, theme)),
                Span::styled(kop, theme.text),
                Span::styled(ellipsis(&wat, ruimte), theme.title),
                Span::styled(meer, theme.dim),
            ])
        }
        None => Line::from(Span::styled(
            ellipsis(&format!(" {}", wording::tijdlijn_kies_eerst()), w),
            theme.dim,
        )),
    };
    let legenda = legenda(vandaag, theme, w);
    frame.render_widget(Paragraph::new(vec![eerste_regel, legenda]), voet);
}

/// The time axis in two lines: above, the month (over weeks) or the year; below, where each
/// week, month or quarter begins. A label that would run into the next is left out.
fn as_lijnen(v: &TijdlijnView, naam_w: usize, cellen: usize, theme: &Theme) -> Vec<Line<'static>> {
    let begint = |i: usize, boven: bool| -> bool {
        let dag = v.dag(i);
        let Some(p) = i.checked_sub(1).map(|p| v.dag(p)) else {
            return true;
        };
        match (v.zoom, boven) {
            (Zoom::Week, false) => dag.weekday() == chrono::Weekday::Mon,
            (Zoom::Week, true) | (Zoom::Maand, false) => p.month() != dag.month(),
            (Zoom::Kwartaal, false) => kwartaal(p) != kwartaal(dag),
            (_, true) => p.year() != dag.year(),
        }
    };
    [true, false]
        .into_iter()
        .map(|boven| {
            let mut tekst: Vec<char> = vec![' '; cellen];
            let mut vrij = 0;
            for i in 0..cellen {
                if i < vrij || !begint(i, boven) {
                    continue;
                }
                let dag = v.dag(i);
                let label = if boven {
                    super::woorden::as_boven(v.zoom, dag)
                } else {
                    super::woorden::as_onder(v.zoom, dag)
                };
                let n = label.chars().count();
                // The first cell is labelled only when no period begins right after it.
                let verdrongen = i == 0 && (1..=n.min(cellen - 1)).any(|j| begint(j, boven));
                if i + n <= cellen && !verdrongen {
                    for (j, c) in label.chars().enumerate() {
                        tekst[i + j] = c;
                    }
                    vrij = i + n + 1;
                }
            }
            Line::from(vec![
                Span::raw(" ".repeat(naam_w + 1)),
                Span::styled(
                    tekst.into_iter().collect::<String>(),
                    if boven { theme.title } else { theme.dim },
                ),
            ])
        })
        .collect()
}

fn kwartaal(d: NaiveDate) -> (i32, u32) {
    (d.year(), (d.month() - 1) / 3)
}

/// One opgave's row: its name, then per cell the most important marker, today's line, or its
/// period.
fn rij(
    v: &TijdlijnView,
    i: usize,
    r: &TijdRij,
    naam_w: usize,
    cellen: usize,
    vandaag: NaiveDate,
    theme: &Theme,
) -> Line<'static> {
    let selected_row = i == v.row;
    let naam = ellipsis(&r.naam, naam_w.saturating_sub(2));
    let mut spans = vec![Span::styled(
        format!(
            "{}{naam}{} ",
            if selected_row { "▶ " } else { "  " },
            " ".repeat(
                naam_w.saturating_sub(2 + unicode_width::UnicodeWidthStr::width(naam.as_str()))
            )
        ),
        if selected_row {
            theme.selected
        } else {
            theme.text
        },
    )];
    // Per cell: the index of its most important marker.
    let mut in_cel: Vec<Option<usize>> = vec![None; cellen];
    for (m_i, m) in r.markers.iter().enumerate() {
        if let Some(c) = v.cel(m.datum, cellen) {
            let beter = in_cel[c].is_none_or(|o| r.markers[o].soort > m.soort);
            if beter {
                in_cel[c] = Some(m_i);
            }
        }
    }
    // The selected marker shows in its cell whatever else is there.
    if selected_row
        && let Some(sel) = v.marker
        && let Some(m) = r.markers.get(sel)
        && let Some(c) = v.cel(m.datum, cellen)
    {
        in_cel[c] = Some(sel);
    }
    let vandaag_cel = v.cel(vandaag, cellen);
    for (c, m) in in_cel.iter().enumerate() {
        let dag = v.dag(c);
        let eind_cel = dag + chrono::Duration::days(v.zoom.dagen() - 1);
        let (tekst, style) = match m {
            Some(m_i) => {
                let m = &r.markers[*m_i];
                let s = if selected_row && v.marker == Some(*m_i) {
                    theme.selected.add_modifier(Modifier::BOLD)
                } else {
                    stijl(m, vandaag, theme)
                };
                (symbool(m.soort), s)
            }
            None if vandaag_cel == Some(c) => ("│", theme.accent),
            None if r.start.is_some_and(|s| s <= eind_cel)
                && r.eind.is_none_or(|e| e >= dag)
                && r.start.is_some() =>
            {
                ("─", theme.dim)
            }
            None => (" ", theme.text),
        };
        spans.push(Span::styled(tekst, style));
    }
    Line::from(spans)
}

/// What the symbols mean, as far as it fits.
fn legenda(vandaag: NaiveDate, theme: &Theme, w: usize) -> Line<'static> {
    let voorbeeld = |soort| Marker {
        datum: vandaag,
        soort,
        bord: None,
        kaart: None,
        titel: String::new(),
    };
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for soort in [
        MarkerSoort::LtaRaad,
        MarkerSoort::LtaCollege,
        MarkerSoort::Deadline,
        MarkerSoort::Start,
        MarkerSoort::Eind,
    ] {
        let uitleg = super::woorden::marker_uitleg(soort);
        let n = 2 + uitleg.chars().count() + 2;
        if used + n > w {
            break;
        }
        used += n;
        spans.push(Span::styled(
            symbool(soort).to_string(),
            stijl(&voorbeeld(soort), vandaag, theme),
        ));
        spans.push(Span::styled(format!(" {uitleg}  "), theme.dim));
    }
    if used + 10 <= w {
        spans.push(Span::styled("│", theme.accent));
        spans.push(Span::styled(" vandaag", theme.dim));
    }
    Line::from(spans)
}
