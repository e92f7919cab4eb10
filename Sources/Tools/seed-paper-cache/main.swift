import BotRuntime
import Foundation

exit(await SeedPaperCacheCommand.main())
