/** What every provider checks on a round trip, whatever the protocol. */
package dev.gatehouse.oauth.flow;
