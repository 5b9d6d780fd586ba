//! Opgaven: the portfolio table, sortable and grouped, with the selected opgave's description.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::widgets::{ellipsis, first_visible, header, kolommen_die_passen};
use crate::app::App;
use crate::capacity::portefeuille::{OpgaveKolom, OpgaveRij};
use crate::wording;

/// The columns from most to least important: what the Opgavenoverleg asks first stays on a
/// narrow screen (the command line's table uses the same order).
pub const VOORRANG: [OpgaveKolom; 12] = [
    OpgaveKolom::Naam,
    OpgaveKolom::Fase,
    OpgaveKolom::Risico,
    OpgaveKolom::Conflicten,
    OpgaveKolom::Overboekt,
    OpgaveKolom::Lta,
    OpgaveKolom::Open,
    OpgaveKolom::Toegezegd,
    OpgaveKolom::Gevraagd,
    OpgaveKolom::Adviseur,
    OpgaveKolom::Portefeuillehouder,
    OpgaveKolom::Klaar,
];

/// The columns of a table of `rijen` that fit in `breedte` cells with two between them: the
/// kept columns (indexes into [`OpgaveKolom::ALLE`], in table order) and every column's
/// width. `ook` is kept right after the name when it is set (the sort column).
pub fn indeling(
    cellen: &[Vec<String>],
    koppen: &[String],
    ook: Option<OpgaveKolom>,
    breedte: usize,
) -> (Vec<usize>, Vec<usize>) {
    let breedtes: Vec<usize> = OpgaveKolom::ALLE
        .iter()
        .enumerate()
        .map(|(i, &k)| {
            let w = cellen
                .iter()
                .map(|c| c[i].width())
                .chain([koppen[i].width()])
                .max()
                .unwrap_or(0);
            // A name takes the room there is (up to 60); it gives way first.
            if k == OpgaveKolom::Naam {
                w.min(60)
            } else {
                w.min(24)
            }
        })
        .collect();
    let mut voorrang: Vec<OpgaveKolom> = VOORRANG.to_vec();
    if let Some(k) = ook.filter(|k| *k != OpgaveKolom::Naam) {
        voorrang.retain(|x| *x != k);
        voorrang.insert(1, k);
    }
    let voorrang: Vec<usize> = voorrang
        .iter()
        .filter_map(|k| OpgaveKolom::ALLE.iter().position(|x| x == k))
        .collect();
    // A long name gives way (down to 17 cells) before a column of figures does.
    let mut passend = breedtes.clone();
    passend[0] = passend[0].min(17);
    let mut getoond = kolommen_die_passen(&passend, &voorrang, 2, breedte);
    getoond.sort_unstable();
    (getoond, breedtes)
}

/// The opgaven view: header, column headings, the rows (under their portefeuillehouder when
/// grouped), and the selected opgave's description.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let v = &app.views.opgaven;
    let vandaag = app.session.vandaag;
    let order = v.order();
    let mut titel = format!(
        " Opgaven ({}) · {}",
        order.len(),
        wording::sortering(v.sort, v.omgekeerd)
    );
    if v.groep {
        titel.push_str(" · per portefeuillehouder");
    }
    if !v.filter.is_empty() {
        titel.push_str(&format!(" · filter: {}", v.filter));
    }
    header(frame, area, titel, wording::opgaven_toetsen(), theme);
    let detail_h: u16 = 5;
    let body = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2 + detail_h),
        ..area
    };
    if body.height == 0 {
        return;
    }
    if order.is_empty() {
        let tekst = if v.rows.is_empty() {
            wording::geen_opgaven()
        } else {
            wording::niets_gefilterd().trim()
        };
        frame.render_widget(Paragraph::new(Span::styled(tekst, theme.dim)), body);
        return;
    }
    let cellen: Vec<Vec<String>> = v
        .rows
        .iter()
        .map(|r| {
            OpgaveKolom::ALLE
                .iter()
                .map(|&k| wording::opgave_cel(k, r, vandaag))
                .collect()
        })
        .collect();
    let koppen: Vec<String> = OpgaveKolom::ALLE
        .iter()
        .map(|&k| {
            let kop = wording::opgave_kolom(k);
            if k == v.sort {
                format!("{kop} {}", if v.omgekeerd { "▲" } else { "▼" })
            } else {
                kop.to_string()
            }
        })
        .collect();
    let w = usize::from(area.width).saturating_sub(2);
    let (getoond, breedtes) = indeling(&cellen, &koppen, Some(v.sort), w);
    let rest: usize = getoond.iter().skip(1).map(|&i| breedtes[i] + 2).sum();
    let naam_w = breedtes[0].min(w.saturating_sub(rest)).max(8);
    let regel = |cells: &[String], stijl: &dyn Fn(OpgaveKolom) -> Style| -> Vec<Span<'static>> {
        let mut spans = Vec::new();
        for (n, &i) in getoond.iter().enumerate() {
            let k = OpgaveKolom::ALLE[i];
            let cw = if i == 0 { naam_w } else { breedtes[i] };
            let c = ellipsis(&cells[i], cw);
            let pad = " ".repeat(cw.saturating_sub(c.width()));
            let tekst = if k.is_getal() {
                format!("{pad}{c}")
            } else {
                format!("{c}{pad}")
            };
            if n > 0 {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled(tekst, stijl(k)));
        }
        spans
    };
    let kop_lijn = Line::from(
        std::iter::once(Span::raw("  "))
            .chain(regel(&koppen, &|k| {
                if k == v.sort {
                    theme.accent.add_modifier(Modifier::BOLD)
                } else {
                    theme.title
                }
            }))
            .collect::<Vec<_>>(),
    );
    frame.render_widget(Paragraph::new(kop_lijn), Rect { height: 1, ..body });
    let lijst = Rect {
        y: body.y + 1,
        height: body.height.saturating_sub(1),
        ..body
    };
    let mut items: Vec<ListItem> = Vec::new();
    let mut sel = 0;
    let mut groep: Option<Option<&str>> = None;
    for (n, &i) in order.iter().enumerate() {
        let r = &v.rows[i];
        if v.groep && groep != Some(r.portefeuillehouder.as_deref()) {
            groep = Some(r.portefeuillehouder.as_deref());
            let count = order
                .iter()
                .filter(|&&j| v.rows[j].portefeuillehouder == r.portefeuillehouder)
                .count();
            items.push(ListItem::new(Line::from(Span::styled(
                ellipsis(
                    &format!(
                        " {}",
                        wording::groep_portefeuillehouder(r.portefeuillehouder.as_deref(), count)
                    ),
                    usize::from(area.width),
                ),
                theme.title.add_modifier(Modifier::BOLD),
            ))));
        }
        let selected = n == v.row;
        if selected {
            sel = items.len();
        }
        let stijl = |k: OpgaveKolom| -> Style {
            let base = if selected { theme.selected } else { theme.text };
            match k {
                OpgaveKolom::Conflicten if r.conflicten.hoog > 0 => base.patch(theme.conflict),
                OpgaveKolom::Conflicten if r.conflicten.midden > 0 => base.patch(theme.warning),
                OpgaveKolom::Risico if r.kaarten_risico > 0 => base.patch(theme.warning),
                OpgaveKolom::Overboekt if r.mensen_overboekt > 0 => base.patch(theme.conflict),
                _ => base,
            }
        };
        let mut spans = vec![Span::styled(
            if selected { "▶ " } else { "  " },
            if selected { theme.selected } else { theme.dim },
        )];
        spans.extend(regel(&cellen[i], &stijl));
        items.push(ListItem::new(Line::from(spans)));
    }
    let mut state = ListState::default()
        .with_offset(first_visible(sel, usize::from(lijst.height)))
        .with_selected(Some(sel));
    frame.render_stateful_widget(List::new(items), lijst, &mut state);
    let detail = Rect {
        y: body.y + body.height,
        height: detail_h.min(area.height.saturating_sub(2)),
        ..area
    };
    let weg: Vec<OpgaveKolom> = OpgaveKolom::ALLE
        .iter()
        .enumerate()
        .filter(|(i, _)| !getoond.contains(i))
        .map(|(_, &k)| k)
        .collect();
    if let Some(r) = v.selected() {
        draw_detail(frame, detail, r, &weg, vandaag, theme);
    }
}

/// The selected opgave in words: phase, programme, period, adviser, portefeuillehouder, goal;
/// and the columns the screen had no room for.
fn draw_detail(
    frame: &mut Frame,
    area: Rect,
    r: &OpgaveRij,
    weg: &[OpgaveKolom],
    vandaag: chrono::NaiveDate,
    theme: &Theme,
) {
    let mut lines = vec![Line::from(vec![
        Span::styled(format!(" {}", r.naam), theme.title),
        Span::styled(
            format!(" · {}", wording::opgave_beschrijving(r, vandaag)),
            theme.text,
        ),
    ])];
    // The next LTA date has a line of its own, with its card.
    let weg: Vec<OpgaveKolom> = weg
        .iter()
        .copied()
        .filter(|k| *k != OpgaveKolom::Lta)
        .collect();
    if !weg.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(" {}", wording::opgave_weggelaten(r, &weg, vandaag)),
            theme.dim,
        )));
    }
    for regel in [wording::opgave_lta_regel(r), wording::opgave_doel(r)]
        .into_iter()
        .flatten()
    {
        lines.push(Line::from(Span::styled(format!(" {regel}"), theme.text)));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
