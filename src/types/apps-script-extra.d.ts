// Apps Script members for Google's granular OAuth consent that @types/google-apps-script 2.0.x
// lacks (requireScopes and requireAllScopes it has). The server and the fakes use them.
declare namespace GoogleAppsScript {
  namespace Script {
    interface ScriptApp {
      /**
       * Authorization information for the given scopes: REQUIRED when any of them is not granted;
       * getAuthorizedScopes() then lists the granted ones among them.
       */
      getAuthorizationInfo(authMode: AuthMode, oAuthScopes: string[]): AuthorizationInfo;
    }
    interface AuthorizationInfo {
      /** The authorized scopes: among the asked ones when getAuthorizationInfo was given a list. */
      getAuthorizedScopes(): string[] | null;
    }
  }
}
