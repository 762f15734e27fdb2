/** OpenID Connect sign-in with Nimbus. */
package dev.gatehouse.oauth.oidc;
