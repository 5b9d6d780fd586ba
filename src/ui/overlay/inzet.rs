//! The inzet dialogs: the request form, the CoCo's decision with its choices, and the line for
//! the reason of a refusal.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::{error_lines, input_line, line_popup};
use crate::app::App;
use crate::app::input::TextInput;
use crate::app::inzet::form::FIELDS;
use crate::app::inzet::{Decide, InzetForm, InzetRef, Keuze};
use crate::domain::InzetSoort;
use crate::ui::Theme;
use crate::ui::theme::CONFLICT;
use crate::ui::widgets::{centered, whole_items};
use crate::wording;

/// The request form: person, hours, weeks and kind, then the error or the hint, and the keys.
pub(super) fn inzet_form(frame: &mut Frame, area: Rect, f: &InzetForm, theme: &Theme) {
    let r = centered(area, 76, FIELDS.len() as u16 + 5);
    let inner_w = usize::from(r.width.saturating_sub(2));
    frame.render_widget(Clear, r);
    let title = if f.is_new {
        wording::inzet_vragen_titel()
    } else {
        wording::inzet_wijzigen_titel()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(format!(" {title} "), theme.title));
    let mut lines = Vec::new();
    for (i, label) in FIELDS.iter().enumerate() {
        let focus = i == f.focus;
        let label = Span::styled(
            format!("{}{:<17} ", if focus { "▶ " } else { "  " }, label),
            if focus { theme.accent } else { theme.dim },
        );
        let line = match i {
            0 => person_line(
                f,
                label,
                focus,
                usize::from(r.width.saturating_sub(2)),
                theme,
            ),
            4 => Line::from(vec![
                label,
                Span::styled(
                    match f.inzet.soort {
                        InzetSoort::Opgave => "opgave",
                        InzetSoort::Regulier => "regulier (piek in het lijnwerk)",
                    },
                    theme.text,
                ),
                Span::styled(if focus { "  ←/→ wisselt" } else { "" }, theme.dim),
            ]),
            _ => {
                let input = match i {
                    1 => &f.uren,
                    2 => &f.van,
                    3 => &f.tot,
                    _ => &f.toelichting,
                };
                if focus {
                    let mut l = input_line("", input, inner_w.saturating_sub(20), theme);
                    l.spans.insert(0, label);
                    l
                } else {
                    Line::from(vec![
                        label,
                        Span::styled(
                            crate::ui::widgets::ellipsis(&input.text, inner_w.saturating_sub(20)),
                            theme.text,
                        ),
                    ])
                }
            }
        };
        lines.push(line);
    }
    // What this request does to the person asked, as the form stands.
    lines.push(match &f.voorbeeld {
        Some(v) => {
            let over = v.met.is_none_or(|m| m > 1.0);
            Line::from(Span::styled(
                format!("  {}", wording::voorbeeld(&v.naam, v.week, v.zonder, v.met)),
                if over { theme.conflict } else { theme.dim },
            ))
        }
        None => Line::default(),
    });
    match &f.error {
        Some(e) => lines.extend(error_lines(e, r.width, theme)),
        None => lines.push(Line::from(Span::styled(
            whole_items(wording::inzet_form_hint(), inner_w),
            theme.dim,
        ))),
    }
    lines.push(Line::from(Span::styled(
        whole_items(wording::form_hint(), inner_w),
        theme.dim,
    )));
    frame.render_widget(Paragraph::new(lines).block(block), r);
}

/// The person field: what is typed to search (in brackets), the person it picks, and in focus
/// how many match.
fn person_line(
    f: &InzetForm,
    label: Span<'static>,
    focus: bool,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    // The person with what helps choose: free hours in these weeks, matching talents, unit.
    let chosen = f.chosen().map_or_else(
        || "–".to_string(),
        |c| {
            // In order of importance, as whole items are dropped from the end.
            let mut s = format!("{} ({})", c.naam, c.id);
            if let Some(v) = f.vrij.get(&c.id) {
                s.push_str(&format!(" · {}", wording::vrij_per_week(*v)));
            }
            let t = f.talenten_gevonden(c);
            if !t.is_empty() {
                s.push_str(&format!(" · {}", t.join(", ")));
            }
            if !c.eenheid.is_empty() {
                s.push_str(&format!(" · {}", c.eenheid));
            }
            s
        },
    );
    let mut spans = vec![label];
    if focus || !f.persoon.text.is_empty() {
        spans.push(Span::styled(format!("[{}] ", f.persoon.text), theme.text));
    }
    // Whole items that fit: the name always (cut with "…" only if it alone is too long).
    let room = width.saturating_sub(spans.iter().map(|s| s.width()).sum());
    let shown = match whole_items(&chosen, room) {
        s if s.is_empty() => crate::ui::widgets::ellipsis(&chosen, room),
        s => s,
    };
    spans.push(Span::styled(
        shown,
        if focus { theme.selected } else { theme.text },
    ));
    if focus {
        let used: usize = spans.iter().map(|s| s.width()).sum();
        if let Some(hint) = super::kies_hint(used, width, f.matches().len()) {
            spans.push(Span::styled(hint, theme.dim));
        }
    }
    Line::from(spans)
}

/// The CoCo's decision on a request: the question, what agreeing would over-book, and the
/// real choices, numbered.
pub(super) fn decide(frame: &mut Frame, area: Rect, app: &App, d: &Decide, theme: &Theme) {
    let z = &d.asked;
    let naam = app.session.person_name(&z.persoon);
    // Lines wrap under their own text, inside the frame.
    let w = usize::from(area.width.min(90).saturating_sub(2));
    let mut lines = vec![
        Line::from(Span::styled(
            wording::toezeggen_vraag(&naam, z.uren_per_week, z.van, z.tot),
            theme.title,
        )),
        Line::default(),
    ];
    lines.extend(warnings(d, &naam, w, theme));
    lines.push(Line::default());
    for (i, k) in d.keuzes.iter().enumerate() {
        let selected = i == d.choice;
        let lead = format!("{} {}. ", if selected { "▶" } else { " " }, i + 1);
        let style = if selected { theme.selected } else { theme.text };
        lines.extend(hanging(lead, &keuze_label(d, k), w, theme.accent, style));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(wording::keuze_hint(), theme.dim)));
    // The lines are wrapped already: the frame adds two.
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = centered(area, 90, h);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.warning)
        .title(Span::styled(wording::besluit_titel(), theme.title));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}

/// What agreeing would over-book: the person `naam` and the unit, each when it would.
fn warnings(d: &Decide, naam: &str, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let lead = || format!("  {CONFLICT} ");
    if let Some(worst) = d.impact.persoon {
        let text = wording::overboekt_door(naam, &d.impact.persoon_weken, worst);
        lines.extend(hanging(lead(), &text, w, theme.conflict, theme.conflict));
    }
    if let Some(worst) = d.impact.eenheid {
        let text = wording::eenheid_vol(&d.impact.eenheid_weken, worst);
        lines.extend(hanging(lead(), &text, w, theme.conflict, theme.conflict));
    }
    lines
}

/// `lead` then `text` wrapped in `w` cells, the lines after the first indented under the text.
fn hanging(
    lead: String,
    text: &str,
    w: usize,
    lead_style: ratatui::style::Style,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let indent = unicode_width::UnicodeWidthStr::width(lead.as_str());
    crate::app::kaart::hanging(text, w, indent)
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let lead = if i == 0 {
                Span::styled(lead.clone(), lead_style)
            } else {
                Span::raw(" ".repeat(indent))
            };
            Line::from(vec![lead, Span::styled(part, style)])
        })
        .collect()
}

/// The words for choice `k`; another person comes with the hours they have free.
fn keuze_label(d: &Decide, k: &Keuze) -> String {
    match k {
        Keuze::TochToezeggen => wording::keuze_toch(d.asked.uren_per_week),
        Keuze::MinderUren(h) => wording::keuze_minder(*h),
        Keuze::AndereWeken { van, tot } => wording::keuze_weken(*van, *tot),
        Keuze::AnderePersoon { id, naam } => {
            let free = d
                .impact
                .anderen
                .iter()
                .find(|(x, _, _)| x == id)
                .map_or(0.0, |a| a.2);
            wording::keuze_ander(naam, free)
        }
        Keuze::LatenStaan => wording::keuze_pmo().into(),
    }
}

/// The line for the reason of refusing request `r`, titled with the person and the hours;
/// nothing when the request is gone.
pub(super) fn reason(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    input: &TextInput,
    r: &InzetRef,
    theme: &Theme,
) {
    let Some(z) = r.inzet(&app.session.werkmap) else {
        return;
    };
    let title = wording::afwijzen_titel(&app.session.person_name(&z.persoon), z.uren_per_week);
    line_popup(frame, area, &title, input, wording::afwijzen_hint(), theme)
}
