// Package intake owns the folders a file passes through: the inbox staff
// write into (what in it is not a submission), dossier's work area, the
// archive of accepted documents and the 退回 folder beside the inbox where
// rejected files go back with their notice. It moves files and never edits
// or deletes one: a move never replaces an existing file, a copy across
// file systems becomes visible only once complete, and no destination
// folder is reached through a symbolic link.
//
// (The package is not called inbox so that the default inbox folder,
// ./inbox, never collides with a source folder.)
package intake
