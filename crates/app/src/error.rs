use ogonblick_model::{ErrorCode, ErrorPayload, Message};
use ogonblick_store::StoreError;

/// The error of every use case. Its message is one sentence that says what
/// to do; [`AppError::code`] is what the UI and scripts match on.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A sentence of the message catalogue (`Display` is its English),
    /// boxed so that every `Result` of a use case stays small.
    #[error("{message}")]
    Said {
        code: ErrorCode,
        message: Box<Message>,
    },
}

impl AppError {
    /// An error whose sentence is a key of the message catalogue.
    pub fn said(code: ErrorCode, message: Message) -> Self {
        AppError::Said {
            code,
            message: Box::new(message),
        }
    }
    /// The sentence as a catalogue message.
    pub fn message(&self) -> Message {
        match self {
            AppError::Said { message, .. } => (**message).clone(),
            AppError::Store(e) => e.message(),
        }
    }
    /// A fault that should never happen (a bug, not the user's input or the
    /// computer's state): the catalogue's `app-fault-of`, naming what was
    /// found wrong.
    pub fn fault(fault: ogonblick_model::messages::Fault) -> Self {
        Self::said(ErrorCode::Internal, Message::AppFaultOf { fault })
    }
    pub fn code(&self) -> ErrorCode {
        match self {
            AppError::Store(e) => e.code(),
            AppError::Said { code, .. } => *code,
        }
    }

    /// `{code, message}` for the UI.
    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code(),
            message: self.to_string(),
            key: Some(Box::new(self.message())),
        }
    }
}

impl From<AppError> for ErrorPayload {
    fn from(e: AppError) -> Self {
        e.payload()
    }
}
