//! `ogonblick channel add|list|show|edit|close`.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use ogonblick_app::{AppError, ChannelFilter};
use ogonblick_model::messages::{CliLine, CliWord, Column, Label};
use ogonblick_model::{Channel, ChannelPatch, ChannelStatus, NewChannel, Platform};

use super::{parse_id, parse_policy, Ctx};
use crate::lang;
use crate::output::{self, cut, opt, time};

#[derive(Debug, Subcommand)]
pub enum ChannelCmd {
    /// Add a channel; prints its id (the whole channel with --json).
    Add(AddArgs),
    /// List the channels with their last snapshot.
    List(ListArgs),
    /// Show one channel.
    Show(ShowArgs),
    /// Change a channel. An empty value (--board "") clears a field.
    Edit(EditArgs),
    /// Start the closure of a channel (status → closing), with the decision
    /// and its diary number.
    Close(super::closure::CloseArgs),
    /// Undo a started closure (status → active) before its final snapshot.
    UndoClose(super::closure::ClosureIdArgs),
    /// Record the day the account of a closed channel was deleted on the
    /// platform (the closure's last step).
    AccountDeleted(super::closure::AccountDeletedArgs),
    /// Show the closure checklist of a channel.
    Closure(super::closure::ClosureIdArgs),
    /// Set the responsible person and/or substitute of many channels at once.
    Responsible(super::channel_bulk::ResponsibleArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Display name.
    #[arg(long)]
    pub name: String,
    /// facebook, instagram, x, youtube, linkedin, tiktok, threads, mastodon,
    /// flickr, blog or other.
    #[arg(long)]
    pub platform: String,
    /// A page address to capture (repeat for more, e.g. the "about" page).
    #[arg(long = "url", value_name = "URL", required = true)]
    pub urls: Vec<String>,
    #[command(flatten)]
    pub fields: Fields,
    #[arg(long)]
    pub json: bool,
}

/// The optional fields shared by add and edit.
#[derive(Debug, Args)]
pub struct Fields {
    /// Owning board (nämnd).
    #[arg(long)]
    pub board: Option<String>,
    /// Owning unit (förvaltning / enhet).
    #[arg(long)]
    pub unit: Option<String>,
    #[arg(long)]
    pub responsible: Option<String>,
    /// Ersättare.
    #[arg(long)]
    pub substitute: Option<String>,
    #[arg(long)]
    pub purpose: Option<String>,
    #[arg(long)]
    pub audience: Option<String>,
    /// half-yearly, yearly, manual (or default: the organisation's default).
    #[arg(long)]
    pub policy: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only channels with this status (active, closing, closed).
    #[arg(long)]
    pub status: Option<String>,
    /// Only channels on this platform.
    #[arg(long)]
    pub platform: Option<String>,
    /// Only channels of this board.
    #[arg(long)]
    pub board: Option<String>,
    /// Only channels whose name, address, board, unit or responsible
    /// contains this text.
    #[arg(long)]
    pub search: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The channel id (see `ogonblick channel list`).
    pub id: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The channel id.
    pub id: String,
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub platform: Option<String>,
    /// Replace all addresses with these (repeatable).
    #[arg(long = "url", value_name = "URL")]
    pub urls: Vec<String>,
    /// Add an address (repeatable).
    #[arg(long = "add-url", value_name = "URL")]
    pub add_urls: Vec<String>,
    /// Remove an address (repeatable).
    #[arg(long = "remove-url", value_name = "URL")]
    pub remove_urls: Vec<String>,
    #[command(flatten)]
    pub fields: Fields,
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, cmd: ChannelCmd) -> anyhow::Result<ExitCode> {
    match cmd {
        ChannelCmd::Add(a) => add(ctx, a),
        ChannelCmd::List(a) => list(ctx, a),
        ChannelCmd::Show(a) => show(ctx, a),
        ChannelCmd::Edit(a) => edit(ctx, a),
        ChannelCmd::Close(a) => super::closure::close(ctx, a),
        ChannelCmd::UndoClose(a) => super::closure::undo(ctx, a),
        ChannelCmd::AccountDeleted(a) => super::closure::deleted(ctx, a),
        ChannelCmd::Closure(a) => super::closure::checklist(ctx, a),
        ChannelCmd::Responsible(a) => super::channel_bulk::run(ctx, a),
    }
}

fn parse_platform(s: &str) -> Result<Platform, AppError> {
    s.parse::<Platform>()
        .map_err(|e| AppError::said(ogonblick_model::ErrorCode::InvalidInput, e.message()))
}

fn add(ctx: &Ctx, a: AddArgs) -> anyhow::Result<ExitCode> {
    let platform = parse_platform(&a.platform)?;
    let policy = a
        .fields
        .policy
        .as_deref()
        .map(parse_policy)
        .transpose()?
        .flatten();
    let new = NewChannel {
        name: a.name,
        platform: Some(platform),
        urls: a.urls,
        board: a.fields.board,
        unit: a.fields.unit,
        responsible: a.fields.responsible,
        substitute: a.fields.substitute,
        purpose: a.fields.purpose,
        audience: a.fields.audience,
        policy,
        notes: a.fields.notes,
    };
    let app = ctx.open()?;
    let c = app.add_channel(new)?;
    if a.json {
        output::json(&c)?;
    } else {
        output::line(c.id)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn list(ctx: &Ctx, a: ListArgs) -> anyhow::Result<ExitCode> {
    let filter = ChannelFilter {
        status: a
            .status
            .as_deref()
            .map(|s| {
                s.parse::<ChannelStatus>().map_err(|e| {
                    AppError::said(ogonblick_model::ErrorCode::InvalidInput, e.message())
                })
            })
            .transpose()?,
        platform: a.platform.as_deref().map(parse_platform).transpose()?,
        board: a.board,
        text: a.search,
    };
    let app = ctx.open()?;
    let list = app.list_channels(&filter)?;
    if a.json {
        output::json(&list)?;
        return Ok(ExitCode::SUCCESS);
    }
    if list.is_empty() {
        output::line(lang::line(CliLine::CliChannelsNone {}))?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|s| {
            let c = &s.channel;
            let urls = match c.urls.len() {
                0 => String::new(),
                1 => c.urls[0].clone(),
                n => format!("{} (+{})", c.urls[0], n - 1),
            };
            let last = match (&s.last_snapshot_at, s.last_snapshot_status) {
                (Some(t), Some(st)) => format!("{} {}", time(t), lang::snapshot_status(st)),
                _ => lang::word(CliWord::Never),
            };
            vec![
                c.id.to_string(),
                cut(&c.name, 40),
                lang::platform(c.platform),
                status(c.status),
                cut(opt(&c.board), 30),
                last,
                cut(&urls, 60),
            ]
        })
        .collect();
    output::table_of(
        &[
            Column::Id,
            Column::Name,
            Column::Platform,
            Column::Status,
            Column::Board,
            Column::LastSnapshot,
            Column::Address,
        ],
        &rows,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// A channel's status in the CLI's language.
fn status(s: ChannelStatus) -> String {
    lang::line(CliLine::CliChannelStatus {
        status: s.as_str().into(),
    })
}

fn print_channel(c: &Channel) -> anyhow::Result<()> {
    let width = lang::label_width(&[
        Label::Id,
        Label::Name,
        Label::Platform,
        Label::Status,
        Label::Addresses,
        Label::Board,
        Label::Unit,
        Label::Responsible,
        Label::Substitute,
        Label::Purpose,
        Label::Audience,
        Label::Policy,
        Label::Created,
        Label::ClosingSince,
        Label::Closed,
        Label::Notes,
    ]);
    let l = |label: Label| lang::label(label, width);
    let policy = c
        .policy
        .map(|p| {
            lang::line(CliLine::CliPolicy {
                policy: p.as_str().into(),
            })
        })
        .unwrap_or_else(|| lang::word(CliWord::Default));
    let mut lines = vec![
        format!("{}{}", l(Label::Id), c.id),
        format!("{}{}", l(Label::Name), c.name),
        format!("{}{}", l(Label::Platform), lang::platform(c.platform)),
        format!("{}{}", l(Label::Status), status(c.status)),
    ];
    for (i, u) in c.urls.iter().enumerate() {
        let head = if i == 0 {
            l(Label::Addresses)
        } else {
            " ".repeat(l(Label::Addresses).chars().count())
        };
        lines.push(format!("{head}{u}"));
    }
    for (k, v) in [
        (Label::Board, &c.board),
        (Label::Unit, &c.unit),
        (Label::Responsible, &c.responsible),
        (Label::Substitute, &c.substitute),
        (Label::Purpose, &c.purpose),
        (Label::Audience, &c.audience),
    ] {
        lines.push(format!("{}{}", l(k), opt(v)));
    }
    lines.push(format!("{}{policy}", l(Label::Policy)));
    lines.push(format!("{}{}", l(Label::Created), time(&c.created_at)));
    if let Some(t) = &c.closing_started_at {
        lines.push(format!("{}{}", l(Label::ClosingSince), time(t)));
    }
    if let Some(t) = &c.closed_at {
        lines.push(format!("{}{}", l(Label::Closed), time(t)));
    }
    lines.push(format!("{}{}", l(Label::Notes), opt(&c.notes)));
    output::line(lines.join("\n"))
}

fn show(ctx: &Ctx, a: ShowArgs) -> anyhow::Result<ExitCode> {
    let id = parse_id(&a.id)?;
    let app = ctx.open()?;
    let c = app.get_channel(id)?;
    if a.json {
        output::json(&c)?;
    } else {
        print_channel(&c)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn edit(ctx: &Ctx, a: EditArgs) -> anyhow::Result<ExitCode> {
    let id = parse_id(&a.id)?;
    if !a.urls.is_empty() && (!a.add_urls.is_empty() || !a.remove_urls.is_empty()) {
        return Err(AppError::said(
            ogonblick_model::ErrorCode::InvalidInput,
            ogonblick_model::Message::CliUrlsBoth {},
        )
        .into());
    }
    let app = ctx.open()?;
    let mut patch = ChannelPatch {
        name: a.name,
        platform: a.platform.as_deref().map(parse_platform).transpose()?,
        urls: None,
        board: a.fields.board,
        unit: a.fields.unit,
        responsible: a.fields.responsible,
        substitute: a.fields.substitute,
        purpose: a.fields.purpose,
        audience: a.fields.audience,
        policy: a.fields.policy.as_deref().map(parse_policy).transpose()?,
        notes: a.fields.notes,
    };
    if !a.urls.is_empty() {
        patch.urls = Some(a.urls);
    } else if !a.add_urls.is_empty() || !a.remove_urls.is_empty() {
        patch.urls = Some(app.urls_after_change(id, &a.add_urls, &a.remove_urls)?);
    }
    let c = app.edit_channel(id, patch)?;
    if a.json {
        output::json(&c)?;
    } else {
        print_channel(&c)?;
    }
    Ok(ExitCode::SUCCESS)
}
