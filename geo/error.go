package geo

import (
	"errors"
	"fmt"
)

// Error codes shared by every layer; the server maps them to HTTP statuses
// in one place.
const (
	EInvalid   = "invalid"   // the caller's input is wrong
	ENotFound  = "not_found" // the thing asked for does not exist
	EConflict  = "conflict"  // the input clashes with what is stored
	ETooLarge  = "too_large" // the input is larger than allowed
	EAuth      = "unauthorized"
	EForbidden = "forbidden" // the request may not do this, whoever sends it
	EInternal  = "internal"
	// EStorageFull: the disk under the store is full; reads still work.
	EStorageFull = "insufficient_storage"
)

// Error is a domain error with a machine code and a message safe to show a
// user. Field names the input field at fault, when there is one.
type Error struct {
	Code    string
	Message string
	Field   string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Message)
	}
	return e.Message
}

// Errorf builds an *Error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldError builds an EInvalid error that names the field at fault.
func FieldError(field, format string, args ...any) *Error {
	return &Error{Code: EInvalid, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of an *Error in err's chain, or EInternal.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return EInternal
}

// ErrorMessage returns the user-safe message of err, hiding internal errors.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Error()
	}
	return "internal error"
}
