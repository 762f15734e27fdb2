/** The Gatehouse server: HTTP API, web UI and forward-auth. */
package dev.gatehouse.http;
