/** GitHub (and GitHub Enterprise Server) sign-in over OAuth 2.0. */
package dev.gatehouse.oauth.github;
