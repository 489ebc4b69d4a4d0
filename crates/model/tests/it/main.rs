mod messages;
mod notes;
