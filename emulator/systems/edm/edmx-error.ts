/** A metadata document the engine cannot serve; the message names the element to fix. */
export class EdmxError extends Error {
  override name = 'EdmxError';
}
