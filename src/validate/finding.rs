//! Defines `Finding`, a rule's verdict before it is placed in the text.

use crate::diagnostic::Severity;
use crate::source::Target;

/// A problem a check found, addressed by JSON Pointer; the validator turns
/// it into a located `Diagnostic`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The stable rule code.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// The JSON Pointer of the value concerned.
    pub pointer: String,
    /// Which part of that value to point at.
    pub target: Target,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Finding {
    /// A finding of `severity` at the value at `pointer`.
    pub fn new(
        severity: Severity,
        code: &'static str,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code,
            severity,
            pointer: pointer.into(),
            target: Target::Value,
            message: message.into(),
            hint: None,
        }
    }

    /// An error at the value at `pointer`.
    pub fn error(
        code: &'static str,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Error, code, pointer, message)
    }

    /// A warning at the value at `pointer`.
    pub fn warning(
        code: &'static str,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Warning, code, pointer, message)
    }

    /// Points at another part of the value.
    #[must_use]
    pub fn at(mut self, target: Target) -> Self {
        self.target = target;
        self
    }

    /// Sets the hint.
    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}
