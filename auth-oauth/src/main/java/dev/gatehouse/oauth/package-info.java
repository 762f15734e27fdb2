/** GitHub and OpenID Connect sign-in behind core's ports. */
package dev.gatehouse.oauth;
