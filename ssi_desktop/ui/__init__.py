"""The Qt desktop app. Nothing here computes a score or writes the file itself: widgets call
``StoreModel`` (which calls the store) and read scores from it (which calls core scoring)."""
