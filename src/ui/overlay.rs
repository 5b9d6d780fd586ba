//! What floats over the views: help, the card form, the note line, the filter line, and the
//! delete confirmation.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::Theme;
use super::theme::status_symbol;
use super::widgets::{centered, ellipsis, progress};
use crate::app::bord::form::{CardForm, Field};
use crate::app::input::TextInput;
use crate::app::keymap::{self, KEYMAP};
use crate::app::{App, Mode, status_naam};
use crate::wording;
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    match &app.mode {
        Mode::Normal => {}
        Mode::Help => help(frame, area, app, theme),
        Mode::Form(f) => form(frame, area, f, theme),
        Mode::InzetForm(f) => inzet_form(frame, area, f, theme),
        Mode::MensForm(f) => mens_form(frame, area, f, theme),
        Mode::AfwezigForm(f) => afwezig_form(frame, area, f, theme),
        Mode::Decide(d) => decide(frame, area, app, d, theme),
        Mode::Reason(input, r) => {
            let Some(z) = r.inzet(&app.session.werkmap) else {
                return;
            };
            let title =
                wording::afwijzen_titel(&app.session.person_name(&z.persoon), z.uren_per_week);
            line_popup(frame, area, &title, input, &wording::afwijzen_hint(), theme)
        }
        Mode::Note(input, id) => {
            let titel = app
                .board()
                .and_then(|b| b.kaarten.iter().find(|k| &k.id == id))
                .map_or(String::new(), |k| k.titel.clone());
            line_popup(
                frame,
                area,
                &wording::notitie_titel(&titel),
                input,
                &wording::notitie_hint(&app.session.signer),
                theme,
            )
        }
        Mode::Filter(input) => {
            let r = Rect {
                y: area.y + area.height.saturating_sub(1),
                height: 1.min(area.height),
                ..area
            };
            frame.render_widget(Clear, r);
            frame.render_widget(Paragraph::new(input_line("/ ", input, theme)), r);
        }
        Mode::QuitPending(choice) => quit_pending(frame, area, app, *choice, theme),
        Mode::ConfirmDelete(k) => {
            let titel = k.titel.clone();
            let r = centered(area, 60, 5);
            frame.render_widget(Clear, r);
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(theme.conflict)
                .title(wording::verwijderen_titel());
            let lines = vec![
                Line::from(Span::styled(
                    ellipsis(&titel, usize::from(r.width).saturating_sub(4)),
                    theme.title,
                )),
                Line::from(Span::styled(wording::verwijderen_vraag(), theme.text)),
            ];
            frame.render_widget(Paragraph::new(lines).block(block), r);
        }
    }
}

/// Quitting with edits that could not be saved: the three ways out.
fn quit_pending(frame: &mut Frame, area: Rect, app: &App, choice: usize, theme: &Theme) {
    let r = centered(area, 72, 9);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.conflict)
        .title(Span::styled(wording::afsluiten_titel(), theme.title));
    let waarom = app.session.files.problem().unwrap_or_default().to_string();
    let mut lines = vec![
        Line::from(Span::styled(
            wording::afsluiten_vraag(app.session.files.unwritten()),
            theme.text,
        )),
        Line::from(Span::styled(waarom, theme.conflict)),
    ];
    for (i, k) in wording::afsluiten_keuzes().iter().enumerate() {
        let style = if i == choice {
            theme.selected
        } else {
            theme.text
        };
        let mark = if i == choice { "▶" } else { " " };
        lines.push(Line::from(Span::styled(
            format!("{mark} {} {k}", i + 1),
            style,
        )));
    }
    lines.push(Line::from(Span::styled(
        wording::afsluiten_hint(),
        theme.dim,
    )));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}

fn input_line<'a>(prompt: &'a str, input: &TextInput, theme: &Theme) -> Line<'a> {
    let (before, after): (String, String) = (
        input.text.chars().take(input.cursor).collect(),
        input.text.chars().skip(input.cursor).collect(),
    );
    let mut rest = after.chars();
    let at = rest.next().map_or(" ".to_string(), |c| c.to_string());
    Line::from(vec![
        Span::styled(prompt, theme.accent),
        Span::styled(before, theme.text),
        Span::styled(at, theme.selected),
        Span::styled(rest.collect::<String>(), theme.text),
    ])
}

fn line_popup(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    input: &TextInput,
    hint: &str,
    theme: &Theme,
) {
    let r = centered(area, 70, 5);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(format!(" {title} "), theme.title));
    let lines = vec![
        input_line("> ", input, theme),
        Line::from(Span::styled(hint.to_string(), theme.dim)),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}

fn help(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let view = app.help_view();
    let bindings: Vec<_> = KEYMAP.iter().filter(|b| b.views.contains(&view)).collect();
    let foot = wording::hulp_voet(app.session.config.muis());
    let width = area.width.saturating_sub(4).min(110);
    // One column when it fits, else two side by side.
    let fits = bindings.len() + foot.len() + 5 <= usize::from(area.height);
    let columns = if fits { 1 } else { 2 };
    let col_w = usize::from(width.saturating_sub(2)) / columns;
    let per_column = bindings.len().div_ceil(columns);
    let entry = |b: &keymap::Binding| -> Vec<Span<'static>> {
        let keys = format!("  {:<16}", keymap::key_names(b));
        let room = col_w.saturating_sub(keys.chars().count() + 1);
        vec![
            Span::styled(keys, theme.title),
            Span::styled(format!("{:<room$} ", ellipsis(b.help, room)), theme.text),
        ]
    };
    let mut lines = vec![
        Line::from(Span::styled(super::woorden::hulp_kop(view), theme.accent)),
        Line::default(),
    ];
    for row in 0..per_column {
        let mut spans = Vec::new();
        for c in 0..columns {
            if let Some(b) = bindings.get(c * per_column + row) {
                spans.extend(entry(b));
            }
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    for l in foot {
        lines.push(Line::from(Span::styled(l, theme.dim)));
    }
    let h = (lines.len() as u16 + 4).min(area.height);
    let r = centered(area, width, h);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(" Hulp ", theme.title));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}

fn form(frame: &mut Frame, area: Rect, f: &CardForm, theme: &Theme) {
    let r = centered(area, 76, Field::ALL.len() as u16 + 6 + u16::from(f.gone));
    frame.render_widget(Clear, r);
    let title = if f.is_new {
        wording::nieuwe_kaart()
    } else {
        wording::kaart_bewerken()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(format!(" {title} "), theme.title));
    let inner_w = usize::from(r.width).saturating_sub(2 + 20);
    let mut lines = Vec::new();
    for (i, field) in Field::ALL.iter().enumerate() {
        let focus = i == f.focus;
        let label = Span::styled(
            format!("{}{:<17} ", if focus { "▶ " } else { "  " }, field.label()),
            if focus { theme.accent } else { theme.dim },
        );
        let value: Line = match field {
            Field::Eigenaar => {
                let chosen = f.owner().map_or_else(
                    || wording::geen_eigenaar().to_string(),
                    |c| format!("{} ({})", c.naam, c.id),
                );
                let q = &f.inputs[1].text;
                let mut spans = vec![label];
                if !q.is_empty() || focus {
                    spans.push(Span::styled(format!("[{q}] "), theme.text));
                }
                spans.push(Span::styled(
                    ellipsis(&chosen, inner_w.saturating_sub(q.len() + 3)),
                    if focus { theme.selected } else { theme.text },
                ));
                if focus {
                    spans.push(Span::styled(
                        format!("  {}", wording::kies_hint(f.owner_matches().len() - 1)),
                        theme.dim,
                    ));
                }
                Line::from(spans)
            }
            Field::Status => Line::from(vec![
                label,
                Span::styled(
                    format!(
                        "{} {}",
                        status_symbol(f.kaart.status),
                        status_naam(f.kaart.status)
                    ),
                    theme.status(f.kaart.status),
                ),
                Span::styled(if focus { "  ←/→ wisselt" } else { "" }, theme.dim),
            ]),
            Field::Voortgang => Line::from(vec![
                label,
                Span::styled(
                    format!("{} {}%", progress(f.kaart.voortgang, 10), f.kaart.voortgang),
                    theme.text,
                ),
                Span::styled(if focus { "  ←/→ per 10%" } else { "" }, theme.dim),
            ]),
            _ => {
                let input = &f.inputs[i];
                if focus {
                    let mut l = input_line("", input, theme);
                    l.spans.insert(0, label);
                    l
                } else {
                    Line::from(vec![
                        label,
                        Span::styled(ellipsis(&input.text, inner_w), theme.text),
                    ])
                }
            }
        };
        let mut value = value;
        match &f.marks[i] {
            Some(crate::app::bord::form::Mark::Taken) => value
                .spans
                .push(Span::styled(wording::veld_van_collega(), theme.accent)),
            Some(crate::app::bord::form::Mark::Both(v)) => value
                .spans
                .push(Span::styled(wording::veld_ook_collega(v), theme.conflict)),
            None => {}
        }
        lines.push(value);
    }
    lines.push(Line::default());
    if f.gone {
        lines.push(Line::from(Span::styled(
            wording::kaart_weg_in_formulier(),
            theme.conflict,
        )));
    }
    match &f.error {
        Some(e) => lines.push(Line::from(Span::styled(
            format!("  {} {e}", super::theme::CONFLICT),
            theme.conflict,
        ))),
        None => lines.push(Line::from(Span::styled(
            wording::form_datum_hint(),
            theme.dim,
        ))),
    }
    lines.push(Line::from(Span::styled(wording::form_hint(), theme.dim)));
    frame.render_widget(Paragraph::new(lines).block(block), r);
}

fn inzet_form(frame: &mut Frame, area: Rect, f: &crate::app::inzet::InzetForm, theme: &Theme) {
    use crate::app::inzet::form::FIELDS;
    let r = centered(area, 76, FIELDS.len() as u16 + 7);
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
            0 => {
                let chosen = f
                    .chosen()
                    .map_or_else(|| "–".to_string(), |c| format!("{} ({})", c.naam, c.id));
                let mut spans = vec![label];
                if focus || !f.persoon.text.is_empty() {
                    spans.push(Span::styled(format!("[{}] ", f.persoon.text), theme.text));
                }
                spans.push(Span::styled(
                    chosen,
                    if focus { theme.selected } else { theme.text },
                ));
                if focus {
                    spans.push(Span::styled(
                        format!("  {}", wording::kies_hint(f.matches().len())),
                        theme.dim,
                    ));
                }
                Line::from(spans)
            }
            4 => Line::from(vec![
                label,
                Span::styled(
                    match f.inzet.soort {
                        crate::domain::InzetSoort::Opgave => "opgave",
                        crate::domain::InzetSoort::Regulier => "regulier (piek in het lijnwerk)",
                    },
                    theme.text,
                ),
                Span::styled(if focus { "  ←/→ wisselt" } else { "" }, theme.dim),
            ]),
            _ => {
                let input = [&f.uren, &f.van, &f.tot][i - 1];
                if focus {
                    let mut l = input_line("", input, theme);
                    l.spans.insert(0, label);
                    l
                } else {
                    Line::from(vec![label, Span::styled(input.text.clone(), theme.text)])
                }
            }
        };
        lines.push(line);
    }
    lines.push(Line::default());
    match &f.error {
        Some(e) => lines.push(Line::from(Span::styled(
            format!("  {} {e}", super::theme::CONFLICT),
            theme.conflict,
        ))),
        None => lines.push(Line::from(Span::styled(
            wording::inzet_form_hint(),
            theme.dim,
        ))),
    }
    lines.push(Line::from(Span::styled(wording::form_hint(), theme.dim)));
    frame.render_widget(Paragraph::new(lines).block(block), r);
}

fn decide(frame: &mut Frame, area: Rect, app: &App, d: &crate::app::inzet::Decide, theme: &Theme) {
    use crate::app::inzet::Keuze;
    let z = &d.asked;
    let naam = app.session.person_name(&z.persoon);
    let mut lines = vec![
        Line::from(Span::styled(
            wording::toezeggen_vraag(&naam, z.uren_per_week, z.van, z.tot),
            theme.title,
        )),
        Line::default(),
    ];
    if let Some((w, g, b)) = d.impact.persoon {
        lines.push(Line::from(Span::styled(
            format!(
                "  {} {}",
                super::theme::CONFLICT,
                wording::overboekt_door(&naam, w, g, b)
            ),
            theme.conflict,
        )));
    }
    if let Some((w, g, b)) = d.impact.eenheid {
        lines.push(Line::from(Span::styled(
            format!(
                "  {} {}",
                super::theme::CONFLICT,
                wording::eenheid_vol(w, g, b)
            ),
            theme.conflict,
        )));
    }
    lines.push(Line::default());
    for (i, k) in d.keuzes.iter().enumerate() {
        let selected = i == d.choice;
        let label = match k {
            Keuze::TochToezeggen => wording::keuze_toch(z.uren_per_week),
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
            Keuze::LatenStaan => wording::keuze_pmo(),
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{} {}. ", if selected { "▶" } else { " " }, i + 1),
                theme.accent,
            ),
            Span::styled(label, if selected { theme.selected } else { theme.text }),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(wording::keuze_hint(), theme.dim)));
    // Room for the two warnings to wrap on narrow screens.
    let h = (lines.len() as u16 + 4).min(area.height);
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

fn mens_form(frame: &mut Frame, area: Rect, f: &crate::app::mensen::MensForm, theme: &Theme) {
    let r = centered(area, 70, 8);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(format!(" {} ", f.persoon.naam), theme.title));
    let label = |i: usize, t: &'static str| {
        Span::styled(
            format!("{}{t:<14}", if f.focus == i { "▶ " } else { "  " }),
            if f.focus == i {
                theme.accent
            } else {
                theme.dim
            },
        )
    };
    let mut uren = input_line("", &f.uren, theme);
    uren.spans.insert(0, label(0, "Uren per week"));
    let mut days = vec![label(1, "Werkdagen")];
    for (i, n) in ["ma", "di", "wo", "do", "vr", "za", "zo"]
        .iter()
        .enumerate()
    {
        let on = f.dagen[i];
        let style = if f.focus == 1 && f.dag == i {
            theme.selected
        } else if on {
            theme.good
        } else {
            theme.dim
        };
        days.push(Span::styled(
            format!("[{}{n}] ", if on { "x" } else { " " }),
            style,
        ));
    }
    let mut lines = vec![uren, Line::from(days), Line::default()];
    match &f.error {
        Some(e) => lines.push(Line::from(Span::styled(
            format!("  {} {e}", super::theme::CONFLICT),
            theme.conflict,
        ))),
        None => lines.push(Line::from(Span::styled(
            wording::mens_form_hint(),
            theme.dim,
        ))),
    }
    frame.render_widget(Paragraph::new(lines).block(block), r);
}

fn afwezig_form(frame: &mut Frame, area: Rect, f: &crate::app::mensen::AfwezigForm, theme: &Theme) {
    use crate::app::mensen::form::AFWEZIG_VELDEN;
    let r = centered(area, 70, 9);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(
            wording::afwezig_titel(&f.persoon.naam),
            theme.title,
        ));
    let mut lines = Vec::new();
    for (i, t) in AFWEZIG_VELDEN.iter().enumerate() {
        let focus = f.focus == i;
        let label = Span::styled(
            format!("{}{t:<24}", if focus { "▶ " } else { "  " }),
            if focus { theme.accent } else { theme.dim },
        );
        let mut l = match f.velden.get(i) {
            Some(input) if focus => input_line("", input, theme),
            Some(input) => Line::from(Span::styled(input.text.clone(), theme.text)),
            // The kind: a choice from the fixed list, like a card's status.
            None => Line::from(vec![
                Span::styled(
                    wording::afwezigheid_soort(f.soort),
                    if focus { theme.selected } else { theme.text },
                ),
                Span::styled(if focus { "  ←/→ wisselt" } else { "" }, theme.dim),
            ]),
        };
        l.spans.insert(0, label);
        lines.push(l);
    }
    lines.push(Line::default());
    match &f.error {
        Some(e) => lines.push(Line::from(Span::styled(
            format!("  {} {e}", super::theme::CONFLICT),
            theme.conflict,
        ))),
        None => {
            lines.push(Line::from(Span::styled(
                wording::afwezig_privacy(),
                theme.dim,
            )));
            lines.push(Line::from(Span::styled(wording::afwezig_hint(), theme.dim)));
        }
    }
    frame.render_widget(Paragraph::new(lines).block(block), r);
}
