/** Operator settings for sign-in providers, read from an environment map and llms.py files. */
package dev.gatehouse.oauth.config;
