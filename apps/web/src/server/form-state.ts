/** What a form's server action hands back to the form: an error to show, or its result. */
export type FormState<T = undefined> = {
  error?: string;
  fieldErrors?: Record<string, string>;
  result?: T;
};
