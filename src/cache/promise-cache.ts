// One load per key and process (templates, themes, handout templates): the
// promise is shared by every caller, and forgotten if it fails, so a fixed
// file is read again on the next call instead of failing forever.
export class PromiseCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  get(key: string, load: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = load();
      this.entries.set(key, entry);
      entry.catch(() => this.entries.delete(key));
    }
    return entry;
  }

  clear(): void {
    this.entries.clear();
  }
}
